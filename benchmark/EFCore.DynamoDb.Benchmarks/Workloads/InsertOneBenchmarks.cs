using Amazon.DynamoDBv2.Model;
using BenchmarkDotNet.Attributes;
using EFCore.DynamoDb.Benchmarks.Model;

namespace EFCore.DynamoDb.Benchmarks.Workloads;

/// <summary>4. Insert one new item (a new key on every call).</summary>
[MemoryDiagnoser]
public class InsertOneBenchmarks : WorkloadBase
{
    private int _next;

    protected override Task SeedAsync() => Task.CompletedTask;

    /// <summary>PutItem by hand, conditional on the key not existing yet (as EF Core's insert is).</summary>
    [Benchmark(Baseline = true)]
    public Task<PutItemResponse> LowLevel()
        => LowLevelClient.PutItemAsync(new PutItemRequest
        {
            TableName = BenchTable.Name,
            Item = ItemAttributes.From(NewItem("insert-lowlevel")),
            ConditionExpression = "attribute_not_exists(#pk)",
            ExpressionAttributeNames = new() { ["#pk"] = "Pk" },
        });

    /// <summary><c>DynamoDBContext.SaveAsync</c> of a new object (an unconditional upsert).</summary>
    [Benchmark]
    public Task DataModel()
    {
        var item = NewItem("insert-datamodel");
        return DataModelContext.SaveAsync(new DataModelItem
        {
            Pk = item.Pk, Sk = item.Sk, Name = item.Name, Count = item.Count, Price = item.Price, Active = item.Active, CreatedAt = item.CreatedAt,
        });
    }

    /// <summary><c>Add</c> + <c>SaveChangesAsync</c> on a fresh context.</summary>
    [Benchmark]
    public async Task<int> EfCore()
    {
        await using var db = new BenchDbContext(EfOptions);
        db.Items.Add(NewItem("insert-efcore"));
        return await db.SaveChangesAsync();
    }

    /// <summary>The same as <see cref="EfCore"/> on a pooled context (<c>AddDbContextPool</c>).</summary>
    [Benchmark]
    public async Task<int> EfCorePooled()
    {
        await using var db = await EfPool.CreateDbContextAsync();
        db.Items.Add(NewItem("insert-efcore-pooled"));
        return await db.SaveChangesAsync();
    }

    private BenchItem NewItem(string pk) => BenchTable.NewItem(pk, Interlocked.Increment(ref _next));
}
