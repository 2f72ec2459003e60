using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Benchmarks.Model;

/// <summary>
/// The <c>bench-items</c> model on EF Core's InMemory provider: what a fresh context and a point read cost EF Core
/// itself, next to which this provider's share shows.
/// </summary>
public class InMemoryBenchDbContext(DbContextOptions<InMemoryBenchDbContext> options) : DbContext(options)
{
    public DbSet<BenchItem> Items => Set<BenchItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<BenchItem>().HasKey(x => new { x.Pk, x.Sk });
}
