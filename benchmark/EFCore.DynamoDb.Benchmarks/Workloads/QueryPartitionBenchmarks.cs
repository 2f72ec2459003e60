using Amazon.DynamoDBv2.Model;
using BenchmarkDotNet.Attributes;
using EFCore.DynamoDb.Benchmarks.Model;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Benchmarks.Workloads;

/// <summary>2. Read a whole partition of 100 items (one <c>Query</c> on the partition key) into a list.</summary>
[MemoryDiagnoser]
public class QueryPartitionBenchmarks : WorkloadBase
{
    private readonly string _pk = "partition";

    private static readonly Func<BenchDbContext, string, IAsyncEnumerable<BenchItem>> CompiledQuery
        = EF.CompileAsyncQuery((BenchDbContext db, string pk) => db.Items.AsNoTracking().Where(x => x.Pk == pk));

    protected override Task SeedAsync() => BenchTable.SeedAsync(SetupClient, _pk, 0, 100);

    /// <summary>Query by hand, following <c>LastEvaluatedKey</c>, mapped to <see cref="BenchItem"/>s.</summary>
    [Benchmark(Baseline = true)]
    public async Task<List<BenchItem>> LowLevel()
    {
        var request = new QueryRequest
        {
            TableName = BenchTable.Name,
            KeyConditionExpression = "#pk = :pk",
            ExpressionAttributeNames = new() { ["#pk"] = "Pk" },
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = _pk } },
        };
        return await QueryAllAsync(request);
    }

    /// <summary><c>DynamoDBContext.QueryAsync</c> on the hash key, <c>GetRemainingAsync</c>.</summary>
    [Benchmark]
    public Task<List<DataModelItem>> DataModel() => DataModelContext.QueryAsync<DataModelItem>(_pk).GetRemainingAsync();

    /// <summary>LINQ on the partition key, tracked entities.</summary>
    [Benchmark]
    public async Task<List<BenchItem>> EfCore()
    {
        await using var db = new BenchDbContext(EfOptions);
        return await db.Items.Where(x => x.Pk == _pk).ToListAsync();
    }

    /// <summary>The same as <see cref="EfCoreNoTracking"/> on a pooled context (<c>AddDbContextPool</c>).</summary>
    [Benchmark]
    public async Task<List<BenchItem>> EfCorePooledNoTracking()
    {
        await using var db = await EfPool.CreateDbContextAsync();
        return await db.Items.AsNoTracking().Where(x => x.Pk == _pk).ToListAsync();
    }

    /// <summary>The same query compiled (<c>EF.CompileAsyncQuery</c>) on a pooled context: an EF Core hot path.</summary>
    [Benchmark]
    public async Task<List<BenchItem>> EfCorePooledCompiled()
    {
        await using var db = await EfPool.CreateDbContextAsync();
        var items = new List<BenchItem>();
        await foreach (var item in CompiledQuery(db, _pk))
        {
            items.Add(item);
        }

        return items;
    }

    /// <summary>LINQ on the partition key with <c>AsNoTracking</c>.</summary>
    [Benchmark]
    public async Task<List<BenchItem>> EfCoreNoTracking()
    {
        await using var db = new BenchDbContext(EfOptions);
        return await db.Items.AsNoTracking().Where(x => x.Pk == _pk).ToListAsync();
    }
}
