using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Models.Classic;

// Classic EF Core sample models, as a SQL Server application has them: integer keys, foreign keys by convention.

public class ClassicBlog
{
    public int ClassicBlogId { get; set; }
    public string Url { get; set; } = "";
    public List<ClassicPost> Posts { get; set; } = [];
}

public class ClassicPost
{
    public int ClassicPostId { get; set; }
    public string Title { get; set; } = "";
    public int ClassicBlogId { get; set; }
    public ClassicBlog Blog { get; set; } = null!;
    public List<ClassicTag> Tags { get; set; } = [];
}

/// <summary>An explicit join entity type with a payload: when a tag was put on a post.</summary>
public class PostTag
{
    public int ClassicPostId { get; set; }
    public string ClassicTagId { get; set; } = "";
    public DateTime TaggedAt { get; set; }
    public ClassicPost Post { get; set; } = null!;
    public ClassicTag Tag { get; set; } = null!;
}

public class ClassicTag
{
    public string ClassicTagId { get; set; } = "";
    public List<ClassicPost> Posts { get; set; } = [];
}

public class Order
{
    public int OrderId { get; set; }
    public DateTime PlacedAt { get; set; }
    public List<OrderLine> Lines { get; set; } = [];
}

public class OrderLine
{
    public int OrderLineId { get; set; }
    public int OrderId { get; set; }
    public Order Order { get; set; } = null!;
    public int ProductId { get; set; }
    public Product Product { get; set; } = null!;
    public int Quantity { get; set; }
}

public class Product
{
    public int ProductId { get; set; }
    public string Name { get; set; } = "";
    public decimal Price { get; set; }
}

public class Enrollee
{
    public int EnrolleeId { get; set; }
    public string Name { get; set; } = "";
    public List<Lecture> Lectures { get; set; } = [];
}

public class Lecture
{
    public int LectureId { get; set; }
    public string Title { get; set; } = "";
    public List<Enrollee> Enrollees { get; set; } = [];
}

/// <summary>
/// Classic models ported to DynamoDB: the classes and relationships are unchanged; only keys are configured
/// (<see cref="ConfigureKeys"/>): foreign keys that are looked up get a partition key or an index. Integer keys are
/// generated on add, as on SQL Server (hi-lo).
/// </summary>
public class ClassicContext(DbContextOptions<ClassicContext> options) : DbContext(options)
{
    public DbSet<ClassicBlog> Blogs => Set<ClassicBlog>();
    public DbSet<ClassicPost> Posts => Set<ClassicPost>();
    public DbSet<ClassicTag> Tags => Set<ClassicTag>();
    public DbSet<PostTag> PostTags => Set<PostTag>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Enrollee> Enrollees => Set<Enrollee>();
    public DbSet<Lecture> Lectures => Set<Lecture>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => ConfigureKeys(modelBuilder);

    private static void ConfigureKeys(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ClassicPost>().HasIndex(p => p.ClassicBlogId).IsGlobalSecondaryIndex("by-blog");
        modelBuilder.Entity<ClassicPost>().HasMany(p => p.Tags).WithMany(t => t.Posts)
            .UsingEntity<PostTag>(
                r => r.HasOne(pt => pt.Tag).WithMany().HasForeignKey(pt => pt.ClassicTagId),
                l => l.HasOne(pt => pt.Post).WithMany().HasForeignKey(pt => pt.ClassicPostId),
                j =>
                {
                    j.HasKey(pt => new { pt.ClassicPostId, pt.ClassicTagId });
                    j.HasIndex(pt => pt.ClassicTagId).IsGlobalSecondaryIndex("by-tag");
                });
        modelBuilder.Entity<OrderLine>(b =>
        {
            // The lines of an order live in the order's partition.
            b.HasPartitionKey(l => l.OrderId);
            b.HasSortKey(l => l.OrderLineId);
        });
        modelBuilder.Entity<Enrollee>().HasMany(e => e.Lectures).WithMany(l => l.Enrollees)
            .UsingEntity(j => j.HasIndex("LecturesLectureId").IsGlobalSecondaryIndex("by-lecture"));
    }
}
