using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.RealAws;

public class Shipment
{
    public string Customer { get; set; } = "";
    public DateTime SentAt { get; set; }
    public string Carrier { get; set; } = "";
    public int Parcels { get; set; }
    public int Version { get; set; }
}

public class ShippingContext(DbContextOptions<ShippingContext> options) : DbContext(options)
{
    public DbSet<Shipment> Shipments => Set<Shipment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Shipment>(b =>
        {
            b.HasPartitionKey(s => s.Customer);
            b.HasSortKey(s => s.SentAt);
            b.Property(s => s.Version).IsRowVersion();
            b.HasIndex(s => new { s.Carrier, s.SentAt }).IsGlobalSecondaryIndex("by-carrier");
        });
}

/// <summary>
/// A smoke subset on real AWS DynamoDB, through the SDK's default chain (credentials, region): provisioning, saving,
/// key, index and count reads, a conditional update, a concurrency conflict, deletion. Its tables get a unique prefix
/// and are deleted afterwards, whatever happens.
/// </summary>
[Collection(nameof(RealAwsSmokeTests))]
public class RealAwsSmokeTests
{
    private static readonly DateTime Day = new(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc);

    [RealAwsFact]
    public async Task A_context_provisions_saves_queries_updates_and_deletes_on_real_DynamoDB()
    {
        var options = new DbContextOptionsBuilder<ShippingContext>()
            .UseDynamoDb(d => d.TableNamePrefix("efcore-dynamodb-smoke-" + Guid.NewGuid().ToString("N")[..8] + "-"))
            .Options;
        await using var context = new ShippingContext(options);
        try
        {
            Assert.True(await context.Database.EnsureCreatedAsync());
            context.Shipments.AddRange(
                new Shipment { Customer = "c1", SentAt = Day, Carrier = "ups", Parcels = 1 },
                new Shipment { Customer = "c1", SentAt = Day.AddHours(1), Carrier = "dhl", Parcels = 2 },
                new Shipment { Customer = "c2", SentAt = Day, Carrier = "ups", Parcels = 3 });
            await context.SaveChangesAsync();

            await using var reader = new ShippingContext(options);
            Assert.Equal(2, (await reader.Shipments.FindAsync("c1", Day.AddHours(1)))!.Parcels);
            Assert.Equal([1, 2], await reader.Shipments.Where(s => s.Customer == "c1").OrderBy(s => s.SentAt).Select(s => s.Parcels).ToListAsync());
            Assert.Equal(2, await reader.Shipments.CountAsync(s => s.Carrier == "ups"));

            await using var staleContext = new ShippingContext(options);
            var stale = await staleContext.Shipments.SingleAsync(s => s.Customer == "c2" && s.SentAt == Day);
            Assert.Equal(1, await reader.Shipments.Where(s => s.Customer == "c2" && s.SentAt == Day)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Parcels, x => x.Parcels + 1)));
            stale.Parcels = 10;
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => staleContext.SaveChangesAsync());

            reader.Shipments.RemoveRange(await reader.Shipments.Where(s => s.Customer == "c1").ToListAsync());
            await reader.SaveChangesAsync();
            Assert.Equal(0, await reader.Shipments.CountAsync(s => s.Customer == "c1"));
        }
        finally
        {
            await context.Database.EnsureDeletedAsync();
        }
    }
}
