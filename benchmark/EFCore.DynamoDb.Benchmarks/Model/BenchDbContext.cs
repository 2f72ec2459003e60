using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Benchmarks.Model;

/// <summary>The EF Core model of the <c>bench-items</c> table.</summary>
public class BenchDbContext(DbContextOptions<BenchDbContext> options) : DbContext(options)
{
    public DbSet<BenchItem> Items => Set<BenchItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<BenchItem>(b =>
        {
            b.ToTable(BenchTable.Name);
            b.HasPartitionKey(x => x.Pk);
            b.HasSortKey(x => x.Sk);
        });
}
