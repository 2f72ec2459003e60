using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Benchmarks.Model;

/// <summary>A blog item (sort key <c>BLOG</c>) and its posts in the blog's partition of the <c>bench-items</c> table.</summary>
public class BenchBlog
{
    public string Pk { get; set; } = "";
    public string Sk { get; set; } = "";
    public string Name { get; set; } = "";
    public List<BenchPost> Posts { get; set; } = [];
}

/// <summary>A post of a <see cref="BenchBlog"/>: partition key = the blog's, sort key <c>post#0001</c>.</summary>
public class BenchPost
{
    public string Pk { get; set; } = "";
    public string Sk { get; set; } = "";
    public string Title { get; set; } = "";
    public int Score { get; set; }
}

/// <summary>The EF Core model of blogs and posts as an item collection (single-table design, <c>$type</c> discriminator).</summary>
public class BlogBenchDbContext(DbContextOptions<BlogBenchDbContext> options) : DbContext(options)
{
    public DbSet<BenchBlog> Blogs => Set<BenchBlog>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BenchBlog>(b =>
        {
            b.ToTable(BenchTable.Name);
            b.HasPartitionKey(x => x.Pk);
            b.HasSortKey(x => x.Sk);
            b.HasMany(x => x.Posts).WithOne().HasForeignKey(p => p.Pk).HasPrincipalKey(x => x.Pk);
        });
        modelBuilder.Entity<BenchPost>(b =>
        {
            b.ToTable(BenchTable.Name);
            b.HasPartitionKey(x => x.Pk);
            b.HasSortKey(x => x.Sk);
        });
    }
}
