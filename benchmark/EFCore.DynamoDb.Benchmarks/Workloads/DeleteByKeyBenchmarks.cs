using Amazon.DynamoDBv2.Model;
using BenchmarkDotNet.Attributes;
using EFCore.DynamoDb.Benchmarks.Infrastructure;
using EFCore.DynamoDb.Benchmarks.Model;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Benchmarks.Workloads;

/// <summary>
/// 7. Delete one existing item by its key, without reading it. Every call deletes the next item of a pool that is
/// refilled before each iteration (outside the measurement), hence the fixed invocation count.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(PoolSize)]
public class DeleteByKeyBenchmarks : WorkloadBase
{
    private const int PoolSize = 200;
    private const string Partition = "delete";
    private int _next;

    /// <summary>The first pool, which also serves the recording run of the in-process transport.</summary>
    protected override Task SeedAsync() => BenchTable.SeedAsync(SetupClient, Partition, 0, PoolSize);

    /// <summary>The items the next call of each benchmark deletes.</summary>
    protected override Task PrepareWarmupRoundAsync() => BenchTable.SeedAsync(SetupClient, Partition, _next, 8);

    /// <summary>Refills the pool from the next key on (DynamoDB Local only; replayed deletes need no items).</summary>
    [IterationSetup]
    public void RefillPool()
    {
        if (Transport == Transport.DynamoDbLocal)
        {
            BenchTable.SeedAsync(SetupClient, Partition, _next, PoolSize).GetAwaiter().GetResult();
        }
    }

    /// <summary>DeleteItem by hand, conditional on the item existing (as EF Core's delete is).</summary>
    [Benchmark(Baseline = true)]
    public Task<DeleteItemResponse> LowLevel()
        => LowLevelClient.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = BenchTable.Name,
            Key = ItemAttributes.Key(Partition, NextKey()),
            ConditionExpression = "attribute_exists(#pk)",
            ExpressionAttributeNames = new() { ["#pk"] = "Pk" },
        });

    /// <summary><c>DynamoDBContext.DeleteAsync</c> by hash and range key (unconditional).</summary>
    [Benchmark]
    public Task DataModel() => DataModelContext.DeleteAsync<DataModelItem>(Partition, NextKey());

    /// <summary><c>Remove</c> of a key-only stub entity + <c>SaveChangesAsync</c> on a fresh context.</summary>
    [Benchmark]
    public async Task<int> EfCore()
    {
        await using var db = new BenchDbContext(EfOptions);
        db.Items.Remove(new BenchItem { Pk = Partition, Sk = NextKey() });
        return await db.SaveChangesAsync();
    }

    /// <summary><c>ExecuteDeleteAsync</c> on the full key: one conditional DeleteItem, nothing tracked.</summary>
    [Benchmark]
    public async Task<int> EfCoreExecuteDelete()
    {
        await using var db = new BenchDbContext(EfOptions);
        var sk = NextKey();
        return await db.Items.Where(x => x.Pk == Partition && x.Sk == sk).ExecuteDeleteAsync();
    }

    private string NextKey() => BenchTable.SortKey(_next++);
}
