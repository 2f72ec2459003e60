using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Models;

public class Session
{
    public string Id { get; set; } = "";
    public string User { get; set; } = "";
    public DateTime ExpiresAt { get; set; }
    public DateTimeOffset? RenewedAt { get; set; }
}

public class SessionContext(DbContextOptions<SessionContext> options) : DbContext(options)
{
    public DbSet<Session> Sessions => Set<Session>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Session>(b =>
        {
            b.HasProvisionedThroughput(5, 3);
            b.HasStreams(DynamoDbStreamViewType.NewAndOldImages);
            b.HasTimeToLive(s => s.ExpiresAt);
            b.HasIndex(s => s.User).IsGlobalSecondaryIndex("by-user");
        });
}
