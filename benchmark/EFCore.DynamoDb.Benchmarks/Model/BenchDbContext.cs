using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Benchmarks.Model;

/// <summary>The EF Core model of the <c>bench-items</c> table.</summary>
public class BenchDbContext(DbContextOptions<BenchDbContext> options) : DbContext(options)
{
    public DbSet<BenchItem> Items => Set<BenchItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => BenchTable.Map(modelBuilder);
}
