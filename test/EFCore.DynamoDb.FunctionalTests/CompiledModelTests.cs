using EFCore.DynamoDb.FunctionalTests.CompiledModels;
using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests;

/// <summary>
/// A context on the compiled model <c>dotnet ef dbcontext optimize</c> generated (CompiledModels/, kept current by
/// eng/compiled-model.sh in CI) provisions, saves and queries exactly like one whose model is built at run time.
/// </summary>
public sealed class CompiledModelTests : IAsyncLifetime
{
    private readonly string _prefix = TestDb.NewPrefix();

    private WarehouseContext Compiled() => new(TestDb.Options<WarehouseContext>(_prefix));

    private RuntimeWarehouseContext Runtime() => new(TestDb.Options<RuntimeWarehouseContext>(_prefix));

    [Fact]
    public async Task The_compiled_model_is_used_and_describes_the_same_tables()
    {
        await using var compiled = Compiled();
        await using var runtime = Runtime();

        Assert.Same(WarehouseContextModel.Instance.GetType(), compiled.Model.GetType());
        Assert.IsNotType<WarehouseContextModel>(runtime.Model);
        Assert.Equal(runtime.Database.GenerateTableDefinitions(), compiled.Database.GenerateTableDefinitions());
    }

    [Fact]
    public async Task A_context_on_the_compiled_model_saves_and_queries_every_mapping()
    {
        await using (var context = Compiled())
        {
            var stock = new PerishableStock
            {
                Site = "north", Name = "Milk", Quantity = 40, ShelfLifeDays = 7, ExpiresAt = DateTime.UtcNow.AddDays(7),
                Tags = ["cold", "dairy"], Bin = new Bin { Aisle = "A", Level = 2 },
                Readings = [new TemperatureReading(new DateTime(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc), 3.5)],
                Shelf = new StockShelf { Label = "A2-cold" },
            };
            context.Stocks.Add(stock);
            context.Stocks.Add(new Stock { Site = "north", Name = "Salt", Quantity = 5 });
            await context.SaveChangesAsync();
            Assert.True(stock.Id > 0);
            context.Movements.Add(new Movement { Id = "m1", StockId = stock.Id, Delta = -3 });
            await context.SaveChangesAsync();
        }

        await using (var context = Compiled())
        {
            var milk = await context.Stocks.OfType<PerishableStock>().Include(s => s.Movements).SingleAsync(s => s.Site == "north" && s.Name == "Milk");
            Assert.Equal((40, 7, "A", 2, 3.5, "A2-cold", -3), (milk.Quantity, milk.ShelfLifeDays, milk.Bin.Aisle, milk.Bin.Level, milk.Readings[0].Celsius, milk.Shelf!.Label, milk.Movements.Single().Delta));
            Assert.Equal(["cold", "dairy"], milk.Tags.Order());
            Assert.Equal([5, 40], (await context.Stocks.Where(s => s.Site == "north").Select(s => s.Quantity).ToListAsync()).Order());
            await using (var runtime = Runtime())
            {
                Assert.Equal(
                    runtime.Stocks.OfType<PerishableStock>().Include(s => s.Movements).Where(s => s.Site == "north" && s.Name == "Milk").ToQueryString(),
                    context.Stocks.OfType<PerishableStock>().Include(s => s.Movements).Where(s => s.Site == "north" && s.Name == "Milk").ToQueryString());
            }


            var version = milk.Version;
            milk.Quantity = 37;
            await context.SaveChangesAsync();
            Assert.NotEqual(version, milk.Version);

            await using var stale = Compiled();
            var staleMilk = await stale.Stocks.FindAsync(milk.Id);
            staleMilk!.Quantity = 1;
            milk.Quantity = 36;
            await context.SaveChangesAsync();
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
        }
    }

    public async Task InitializeAsync()
    {
        await using var context = Compiled();
        await context.Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        await using var context = Compiled();
        await context.Database.EnsureDeletedAsync();
    }
}
