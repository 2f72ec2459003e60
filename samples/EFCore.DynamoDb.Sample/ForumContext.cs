using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Sample;

/// <summary>
/// The forum model of the PynamoDB tutorial in one DynamoDB table (single-table design): each forum's partition
/// holds the forum item and its threads, so a forum and its threads are read by one Query.
/// </summary>
public class ForumContext(DbContextOptions<ForumContext> options) : DbContext(options)
{
    public DbSet<Forum> Forums => Set<Forum>();

    public DbSet<ForumThread> Threads => Set<ForumThread>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Forum>(b =>
        {
            b.ToTable("forums");
            // The HASH and RANGE keys, which are also EF Core's primary key: Find(name, Forum.ItemKind) is a GetItem.
            // A table shared by several entity types names its keys generically; a "$type" attribute tells the
            // items apart.
            b.HasPartitionKey(f => f.Name);
            b.HasSortKey(f => f.Kind);
            b.Property(f => f.Name).HasAttributeName("pk");
            b.Property(f => f.Kind).HasAttributeName("sk");

            // The threads of a forum live in its partition: the relationship goes through the partition key.
            b.HasMany(f => f.Threads).WithOne().HasForeignKey(t => t.ForumName).HasPrincipalKey(f => f.Name);
        });

        modelBuilder.Entity<ForumThread>(b =>
        {
            b.ToTable("forums");
            // Partition key + sort key form EF Core's composite primary key, in that order: Find(forumName, subject).
            b.HasPartitionKey(t => t.ForumName);
            b.HasSortKey(t => t.Subject);
            b.Property(t => t.ForumName).HasAttributeName("pk");
            b.Property(t => t.Subject).HasAttributeName("sk");
            // Other attribute names default to the property names; this one keeps the PynamoDB tutorial's name.
            // DateTimeOffset is stored as a sortable ISO 8601 string (S).
            b.Property(t => t.LastPostedAt).HasAttributeName("last_post_datetime");
        });
    }
}
