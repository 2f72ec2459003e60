using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Models;

/// <summary>A fitting (a shop fixture) whose extra attributes are indexer properties, kept in a dictionary behind <c>this[string]</c>.</summary>
public class Fixture
{
    private readonly Dictionary<string, object?> _extra = [];

    public string Shelf { get; set; } = "";

    public string Code { get; set; } = "";

    public int Stock { get; set; }

    public object? this[string name]
    {
        get => _extra.GetValueOrDefault(name);
        set => _extra[name] = value;
    }
}

public class FixtureContext(DbContextOptions<FixtureContext> options) : DbContext(options)
{
    public DbSet<Fixture> Fixtures => Set<Fixture>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Fixture>(b =>
        {
            b.HasPartitionKey(g => g.Shelf);
            b.HasSortKey(g => g.Code);
            b.IndexerProperty<string>("Colour");
            b.IndexerProperty<int?>("Weight");
        });
}
