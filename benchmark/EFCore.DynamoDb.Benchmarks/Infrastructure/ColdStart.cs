using Amazon.Runtime;
using EFCore.DynamoDb.Benchmarks.Model;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Benchmarks.Infrastructure;

/// <summary>
/// One process's first query, for cold-start timing from outside (eng/cold-start.sh): <c>--cold-start seed</c> creates
/// and fills the table; <c>--cold-start compiled|runtime</c> makes a context (on the compiled model or building it),
/// reads one item by key, prints it and exits.
/// </summary>
public static class ColdStart
{
    public static async Task<int> RunAsync(string mode, string endpoint)
    {
        var options = new DbContextOptionsBuilder()
            .UseDynamoDb(d => d.ServiceUrl(endpoint).Region("us-east-1").Credentials(new BasicAWSCredentials("bench", "bench")))
            .Options;
        await using ColdStartContext context = mode == "compiled" ? new ColdStartContext(options) : new RuntimeColdStartContext(options);
        if (mode == "seed")
        {
            await context.Database.EnsureCreatedAsync();
            context.Items.Add(BenchTable.NewItem("cold", 1));
            await context.SaveChangesAsync();
            return 0;
        }

        var item = await context.Items.FindAsync("cold", BenchTable.SortKey(1));
        Console.WriteLine(item?.Name ?? throw new InvalidOperationException("Run --cold-start seed first."));
        return 0;
    }
}
