using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Sample;

/// <summary>The forum model of the PynamoDB tutorial, mapped to two DynamoDB tables.</summary>
public class ForumContext(DbContextOptions<ForumContext> options) : DbContext(options)
{
    public DbSet<Forum> Forums => Set<Forum>();

    public DbSet<ForumThread> Threads => Set<ForumThread>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Forum>(b =>
        {
            b.ToTable("forums");
            // The HASH key, which is also EF Core's primary key: Find(name) is a GetItem.
            b.HasPartitionKey(f => f.Name);
        });

        modelBuilder.Entity<ForumThread>(b =>
        {
            b.ToTable("threads");
            // Partition key + sort key form EF Core's composite primary key, in that order: Find(forumName, subject).
            b.HasPartitionKey(t => t.ForumName);
            b.HasSortKey(t => t.Subject);
            // Attribute names default to the property names; this one keeps the PynamoDB tutorial's name.
            // DateTimeOffset is stored as a sortable ISO 8601 string (S).
            b.Property(t => t.LastPostedAt).HasAttributeName("last_post_datetime");
        });
    }
}
