using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Models;

public class Discount
{
    public string Code { get; set; } = "";
    public int Percent { get; set; }
}

public class OrderLine
{
    public string Sku { get; set; } = "";
    public int Quantity { get; set; }
    public decimal Price { get; set; }
    public List<string> Tags { get; set; } = [];
    public Discount Discount { get; set; } = new();
}

public class Stop
{
    public string Place { get; set; } = "";
    public int Minutes { get; set; }
}

public class Shipping
{
    public string Carrier { get; set; } = "";
    public List<Stop> Stops { get; set; } = [];
}

/// <summary>A record as complex collection element: a constructor, init-only properties.</summary>
public record OrderNote(string Author, string Text);

public class PurchaseOrder
{
    public string Id { get; set; } = "";
    public string Customer { get; set; } = "";
    public List<OrderLine> Lines { get; set; } = [];
    public Shipping Shipping { get; set; } = new();
    public List<Stop>? Returns { get; set; }
    public List<OrderNote> Notes { get; set; } = [];
}

/// <summary>EF Core complex collections: lists of maps, one nested inside a complex property, one optional.</summary>
public class OrderBookContext(DbContextOptions<OrderBookContext> options) : DbContext(options)
{
    public DbSet<PurchaseOrder> Orders => Set<PurchaseOrder>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<PurchaseOrder>(b =>
        {
            b.ComplexCollection(o => o.Lines, line =>
            {
                line.Property(l => l.Quantity).HasAttributeName("qty");
                line.ComplexProperty(l => l.Discount);
            });
            b.ComplexProperty(o => o.Shipping, shipping => shipping.ComplexCollection(s => s.Stops));
            b.ComplexCollection(o => o.Returns);
            b.ComplexCollection(o => o.Notes);
        });
}
