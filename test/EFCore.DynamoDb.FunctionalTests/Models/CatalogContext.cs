using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Models;

public class Product
{
    public string Category { get; set; } = "";
    public string Sku { get; set; } = "";
    public string? Name { get; set; }
    public decimal Price { get; set; }
    public int Stock { get; set; }
    public double? Rating { get; set; }
    public DateTime Released { get; set; }
    public string? Tag { get; set; }
    public bool Discontinued { get; set; }
    public Color Color { get; set; }
}

public class CatalogContext(DbContextOptions<CatalogContext> options) : DbContext(options)
{
    public DbSet<Product> Products => Set<Product>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Product>(b =>
        {
            b.HasPartitionKey(p => p.Category);
            b.HasSortKey(p => p.Sku);
            b.Property(p => p.Name).HasAttributeName("Name");   // a DynamoDB reserved word
            b.Property(p => p.Stock).HasAttributeName("Count"); // another one
        });
}
