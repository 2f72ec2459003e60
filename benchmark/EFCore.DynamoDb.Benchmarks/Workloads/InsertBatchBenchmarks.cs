using Amazon.DynamoDBv2.Model;
using BenchmarkDotNet.Attributes;
using EFCore.DynamoDb.Benchmarks.Model;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Benchmarks.Workloads;

/// <summary>
/// 6. Write 1,000 items in one go (<c>BatchWriteItem</c>s of 25). The same keys are written on every call, so each
/// call overwrites the previous one's items.
/// </summary>
[MemoryDiagnoser]
public class InsertBatchBenchmarks : WorkloadBase
{
    private const int Count = 1000;
    private readonly BenchItem[] _lowLevelItems = Items("batch-lowlevel");
    private readonly DataModelItem[] _dataModelItems = Items("batch-datamodel").Select(i => new DataModelItem
    {
        Pk = i.Pk, Sk = i.Sk, Name = i.Name, Count = i.Count, Price = i.Price, Active = i.Active, CreatedAt = i.CreatedAt,
    }).ToArray();
    private readonly BenchItem[] _efItems = Items("batch-efcore");

    protected override Task SeedAsync() => Task.CompletedTask;

    /// <summary>A sequential loop of <c>BatchWriteItem</c> by hand, resending <c>UnprocessedItems</c>.</summary>
    [Benchmark(Baseline = true)]
    public async Task LowLevel()
    {
        foreach (var chunk in _lowLevelItems.Chunk(25))
        {
            var pending = new Dictionary<string, List<WriteRequest>>
            {
                [BenchTable.Name] = Array.ConvertAll(chunk, i => new WriteRequest(new PutRequest(ItemAttributes.From(i)))).ToList(),
            };
            while (pending.Count > 0)
            {
                pending = (await LowLevelClient.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending })).UnprocessedItems ?? [];
            }
        }
    }

    /// <summary><c>DynamoDBContext.CreateBatchWrite</c>, <c>AddPutItems</c>, <c>ExecuteAsync</c>.</summary>
    [Benchmark]
    public Task DataModel()
    {
        var batch = DataModelContext.CreateBatchWrite<DataModelItem>();
        batch.AddPutItems(_dataModelItems);
        return batch.ExecuteAsync();
    }

    /// <summary><c>AddRange</c> + <c>SaveChangesAsync</c> in bulk mode (<c>AutoTransactionBehavior.Never</c>) on a fresh context.</summary>
    [Benchmark]
    public async Task<int> EfCore()
    {
        await using var db = new BenchDbContext(EfOptions);
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        db.Items.AddRange(_efItems);
        return await db.SaveChangesAsync();
    }

    private static BenchItem[] Items(string pk) => Enumerable.Range(0, Count).Select(i => BenchTable.NewItem(pk, i)).ToArray();
}
