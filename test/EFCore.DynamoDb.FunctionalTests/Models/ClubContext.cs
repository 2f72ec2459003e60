using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Models;

public class Member
{
    public string Email { get; set; } = "";
    public DateTime JoinedAt { get; set; }
    public string LastName { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string? City { get; set; }
    public int Age { get; set; }
    public string? Team { get; set; }
}

public class ClubContext(DbContextOptions<ClubContext> options) : DbContext(options)
{
    public DbSet<Member> Members => Set<Member>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Member>(b =>
        {
            b.ToTable("members");
            b.HasPartitionKey(m => m.Email);
            b.HasSortKey(m => m.JoinedAt);
            b.HasIndex(m => new { m.LastName, m.FirstName })
                .IsGlobalSecondaryIndex("by-last-name")
                .HasProjection(DynamoDbProjectionType.Include, nameof(Member.City));
            b.HasIndex(m => m.Team).IsGlobalSecondaryIndex("by-team");
            b.HasIndex(m => new { m.Email, m.Age }).IsLocalSecondaryIndex("by-age");
        });
}
