using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EFCore.DynamoDb.FunctionalTests.Models;

/// <summary>A stocked item: every kind of value the provider maps, in one table shared with its subtype.</summary>
public class Stock
{
    public int Id { get; set; }
    public string Site { get; set; } = "";
    public string Name { get; set; } = "";
    public int Quantity { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public byte[]? Version { get; set; }
    public HashSet<string> Tags { get; set; } = [];
    public Bin Bin { get; set; } = new();
    public List<TemperatureReading> Readings { get; set; } = [];
    public StockShelf? Shelf { get; set; }
    public List<Movement> Movements { get; set; } = [];
}

/// <summary>A derived type in the same table, told apart by the discriminator.</summary>
public class PerishableStock : Stock
{
    public int ShelfLifeDays { get; set; }
}

/// <summary>A complex value (a map).</summary>
public class Bin
{
    public string Aisle { get; set; } = "";
    public int Level { get; set; }
}

/// <summary>A complex collection element (a list of maps).</summary>
public record TemperatureReading(DateTime At, double Celsius);

/// <summary>An owned reference (a map).</summary>
public class StockShelf
{
    public string Label { get; set; } = "";
}

/// <summary>A related entity in a table of its own, found by a GSI on its foreign key.</summary>
public class Movement
{
    public string Id { get; set; } = "";
    public int StockId { get; set; }
    public int Delta { get; set; }
    public Stock? Stock { get; set; }
}

/// <summary>
/// A model that uses every provider annotation, for the compiled-model test: keys, attribute names, global and local
/// indexes with projections, TTL, provisioned billing, streams, a discriminator, complex and owned values, a
/// relationship, a hi-lo key and a row version. Its compiled model is in CompiledModels/ (eng/compiled-model.sh).
/// </summary>
public class WarehouseContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Stock> Stocks => Set<Stock>();
    public DbSet<Movement> Movements => Set<Movement>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Stock>(b =>
        {
            b.ToTable("stock");
            b.HasPartitionKey(s => s.Id);
            b.Property(s => s.Id).UseHiLo("stock-ids", 20);
            b.Property(s => s.Name).HasAttributeName("name");
            b.Property(s => s.Version).IsRowVersion();
            b.HasIndex(s => new { s.Site, s.Name }).IsGlobalSecondaryIndex("by-site").HasProjection(DynamoDbProjectionType.Include, nameof(Stock.Quantity));
            b.HasTimeToLive(s => s.ExpiresAt);
            b.HasProvisionedThroughput(5, 5);
            b.HasStreams(DynamoDbStreamViewType.NewImage);
            b.ComplexProperty(s => s.Bin);
            b.ComplexCollection(s => s.Readings);
            b.OwnsOne(s => s.Shelf);
            b.HasMany(s => s.Movements).WithOne(m => m.Stock).HasForeignKey(m => m.StockId);
        });
        modelBuilder.Entity<PerishableStock>();
        modelBuilder.Entity<Movement>(b =>
        {
            b.ToTable("movements");
            b.HasIndex(m => m.StockId).IsGlobalSecondaryIndex("by-stock");
        });
    }
}

/// <summary>The same model built at run time, to compare with the compiled one (a compiled model is bound to its context type).</summary>
public class RuntimeWarehouseContext(DbContextOptions options) : WarehouseContext(options);

/// <summary>For <c>dotnet ef dbcontext optimize</c>: a context whose model the tools can build (no server is contacted).</summary>
public class WarehouseContextFactory : IDesignTimeDbContextFactory<WarehouseContext>
{
    public WarehouseContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<WarehouseContext>().UseDynamoDb(d => d.ServiceUrl("http://127.0.0.1:1").Region("us-east-1")).Options);
}
