using Amazon.Runtime;
using EFCore.DynamoDb.Benchmarks.Model;
using EFCore.DynamoDb.Benchmarks.Model.Large;
using EFCore.DynamoDb.Benchmarks.Model.Northwind;
using EFCore.DynamoDb.TestModels.Northwind;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Benchmarks.Infrastructure;

/// <summary>
/// One process's first query, for cold-start timing from outside (eng/cold-start.sh): <c>--cold-start seed</c> creates
/// and fills the tables; <c>--cold-start compiled|runtime</c> makes a context (on the compiled model or building it),
/// reads one item by key, and prints the milliseconds from the first use of EF Core to the result (the first query's
/// own time, without the runtime's start). The model is <c>items</c> (one entity type), <c>northwind</c> (eleven) or
/// <c>large</c> (sixty).
/// </summary>
public static class ColdStart
{
    public static async Task<int> RunAsync(string mode, string endpoint, string model)
    {
        var firstQuery = System.Diagnostics.Stopwatch.StartNew();
        var options = new DbContextOptionsBuilder()
            .UseDynamoDb(d => d.ServiceUrl(endpoint).Region("us-east-1").Credentials(new BasicAWSCredentials("bench", "bench")))
            .Options;
        var found = model switch
        {
            "northwind" => await ReadNorthwindAsync(mode, options),
            "large" => await ReadLargeModelAsync(mode, options),
            _ => await ReadItemsAsync(mode, options),
        };
        if (mode != "seed")
        {
            _ = found ?? throw new InvalidOperationException("Run --cold-start seed first.");
            Console.WriteLine(firstQuery.ElapsedMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return 0;
    }

    private static async Task<object?> ReadItemsAsync(string mode, DbContextOptions options)
    {
        await using ColdStartContext context = mode == "compiled" ? new ColdStartContext(options) : new RuntimeColdStartContext(options);
        if (mode == "seed")
        {
            await context.Database.EnsureCreatedAsync();
            context.Items.Add(BenchTable.NewItem("cold", 1));
            await context.SaveChangesAsync();
            return null;
        }

        return await context.Items.FindAsync("cold", BenchTable.SortKey(1));
    }

    private static async Task<object?> ReadNorthwindAsync(string mode, DbContextOptions options)
    {
        await using NorthwindContext context = mode == "compiled" ? new NorthwindContext(options) : new RuntimeNorthwindContext(options);
        if (mode == "seed")
        {
            await context.Database.EnsureCreatedAsync();
            context.Products.Add(new Product { ProductId = 1, ProductName = "Chai", UnitPrice = 18m, UnitsInStock = 39 });
            await context.SaveChangesAsync();
            return null;
        }

        return await context.Products.FindAsync(1);
    }

    private static async Task<object?> ReadLargeModelAsync(string mode, DbContextOptions options)
    {
        await using LargeModelContext context = mode == "compiled" ? new LargeModelContext(options) : new RuntimeLargeModelContext(options);
        if (mode == "seed")
        {
            await context.Database.EnsureCreatedAsync();
            context.Add(new Record60 { Id = 1, Name = "first", Reference = Guid.NewGuid(), CreatedAt = DateTime.UtcNow, Address = new() { Street = "1 Main St", City = "Seattle", Country = "US" } });
            await context.SaveChangesAsync();
            return null;
        }

        return await context.Set<Record60>().FindAsync(1);
    }
}
