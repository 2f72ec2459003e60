using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Models;

public class Position
{
    public double Lat { get; set; }
    public double Lon { get; set; }
}

public class PostalAddress
{
    public string Street { get; set; } = "";
    public string City { get; set; } = "";
    public Position? Position { get; set; }
}

public class Shipment
{
    public string Carrier { get; set; } = "";
    public int Days { get; set; }
}

public class Purchase
{
    public string Number { get; set; } = "";
    public decimal Total { get; set; }
    public List<string> Skus { get; set; } = [];
    public Shipment? Shipment { get; set; }
}

public class Preferences
{
    public string Language { get; set; } = "en";
    public bool Newsletter { get; set; }
}

public class Client
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public PostalAddress? Home { get; set; }
    public List<Purchase> Orders { get; set; } = [];
    public Preferences Preferences { get; set; } = new();
}

/// <summary>Owned types: a reference with a nested reference, and a collection whose elements own a reference.</summary>
public class CrmContext(DbContextOptions<CrmContext> options) : DbContext(options)
{
    public DbSet<Client> Clients => Set<Client>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Client>(b =>
        {
            b.OwnsOne(c => c.Home, home =>
            {
                home.Property(h => h.City).HasAttributeName("city");
                home.OwnsOne(h => h.Position);
            });
            b.OwnsMany(c => c.Orders, order => order.OwnsOne(o => o.Shipment));
            b.OwnsOne(c => c.Preferences);
            b.HasIndex(c => c.Name).IsGlobalSecondaryIndex("by-name").HasProjection(DynamoDbProjectionType.KeysOnly);
        });
}
