using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.DocumentModel;
using Amazon.DynamoDBv2.Model;
using BenchmarkDotNet.Attributes;
using EFCore.DynamoDb.Benchmarks.Model;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Benchmarks.Workloads;

/// <summary>
/// 3. One <c>Query</c> with a sort-key range (<c>BETWEEN</c>, 60 of 100 items) and a filter on two attributes
/// (active, count at least 30), which leaves 25 items.
/// </summary>
[MemoryDiagnoser]
public class QueryRangeFilterBenchmarks : WorkloadBase
{
    private readonly string _pk = "range";
    private readonly string _from = BenchTable.SortKey(20);
    private readonly string _to = BenchTable.SortKey(79);
    private readonly int _minCount = 30;

    protected override Task SeedAsync() => BenchTable.SeedAsync(SetupClient, _pk, 0, 100);

    /// <summary>Query by hand with a key condition and a filter expression, following <c>LastEvaluatedKey</c>.</summary>
    [Benchmark(Baseline = true)]
    public async Task<List<BenchItem>> LowLevel()
    {
        var request = new QueryRequest
        {
            TableName = BenchTable.Name,
            KeyConditionExpression = "#pk = :pk AND #sk BETWEEN :from AND :to",
            FilterExpression = "#active = :active AND #count >= :min",
            ExpressionAttributeNames = new() { ["#pk"] = "Pk", ["#sk"] = "Sk", ["#active"] = "Active", ["#count"] = "Count" },
            ExpressionAttributeValues = new()
            {
                [":pk"] = new AttributeValue { S = _pk },
                [":from"] = new AttributeValue { S = _from },
                [":to"] = new AttributeValue { S = _to },
                [":active"] = new AttributeValue { BOOL = true },
                [":min"] = new AttributeValue { N = _minCount.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            },
        };
        return await QueryAllAsync(request);
    }

    /// <summary>
    /// <c>DynamoDBContext.QueryAsync</c> with <c>QueryOperator.Between</c> and a LINQ filter (<see cref="ContextExpression"/>
    /// of AWSSDK.DynamoDBv2 4.0, whose translator refuses a bare bool member: hence <c>== true</c>).
    /// </summary>
    [Benchmark]
    public Task<List<DataModelItem>> DataModel()
    {
        var filter = new ContextExpression();
        var min = _minCount;
        filter.SetFilter<DataModelItem>(x => x.Active == true && x.Count >= min);
        return DataModelContext.QueryAsync<DataModelItem>(_pk, QueryOperator.Between, [_from, _to], new QueryConfig { Expression = filter })
            .GetRemainingAsync();
    }

    /// <summary>LINQ with a sort-key range and a filter, tracked entities.</summary>
    [Benchmark]
    public async Task<List<BenchItem>> EfCore()
    {
        await using var db = new BenchDbContext(EfOptions);
        return await Query(db.Items).ToListAsync();
    }

    /// <summary>The same LINQ query with <c>AsNoTracking</c>.</summary>
    [Benchmark]
    public async Task<List<BenchItem>> EfCoreNoTracking()
    {
        await using var db = new BenchDbContext(EfOptions);
        return await Query(db.Items.AsNoTracking()).ToListAsync();
    }

    private IQueryable<BenchItem> Query(IQueryable<BenchItem> items)
        => items.Where(x => x.Pk == _pk && x.Sk.CompareTo(_from) >= 0 && x.Sk.CompareTo(_to) <= 0 && x.Active && x.Count >= _minCount);
}
