using Amazon.DynamoDBv2.Model;
using BenchmarkDotNet.Attributes;
using EFCore.DynamoDb.Benchmarks.Model;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Benchmarks.Workloads;

/// <summary>5. Change one attribute (<c>Count</c>, a new value on every call) of an existing item.</summary>
[MemoryDiagnoser]
public class UpdateOneBenchmarks : WorkloadBase
{
    private const string Partition = "update";
    private int _count;
    private DataModelItem _dataModelLoaded = null!;
    private BenchDbContext _efLoadedContext = null!;
    private BenchItem _efLoaded = null!;

    protected override Task SeedAsync()
        => BenchTable.PutAsync(
            SetupClient, new[] { "lowlevel", "datamodel", "datamodel-loaded", "efcore", "efcore-execute", "efcore-loaded" }.Select(Item));

    /// <summary>Loads the items the <c>…Loaded</c> benchmarks change: once, as an application holding them would.</summary>
    protected override async Task PrepareAsync()
    {
        _dataModelLoaded = await DataModelContext.LoadAsync<DataModelItem>(Partition, "datamodel-loaded");
        _efLoadedContext = new BenchDbContext(EfOptions);
        _efLoaded = (await _efLoadedContext.Items.FindAsync(Partition, "efcore-loaded"))!;
    }

    public override void GlobalCleanup()
    {
        _efLoadedContext?.Dispose();
        base.GlobalCleanup();
    }

    /// <summary>UpdateItem <c>SET Count</c> by hand, conditional on the item existing; no read.</summary>
    [Benchmark(Baseline = true)]
    public Task<UpdateItemResponse> LowLevel()
        => LowLevelClient.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = BenchTable.Name,
            Key = ItemAttributes.Key(Partition, "lowlevel"),
            UpdateExpression = "SET #count = :count",
            ConditionExpression = "attribute_exists(#pk)",
            ExpressionAttributeNames = new() { ["#count"] = "Count", ["#pk"] = "Pk" },
            ExpressionAttributeValues = new() { [":count"] = new AttributeValue { N = NextCount().ToString(System.Globalization.CultureInfo.InvariantCulture) } },
        });

    /// <summary><c>LoadAsync</c>, change, <c>SaveAsync</c> (which writes every attribute).</summary>
    [Benchmark]
    public async Task DataModel()
    {
        var item = await DataModelContext.LoadAsync<DataModelItem>(Partition, "datamodel");
        item.Count = NextCount();
        await DataModelContext.SaveAsync(item);
    }

    /// <summary>An item loaded before: change it, <c>SaveAsync</c> (which writes every attribute).</summary>
    [Benchmark]
    public Task DataModelLoaded()
    {
        _dataModelLoaded.Count = NextCount();
        return DataModelContext.SaveAsync(_dataModelLoaded);
    }

    /// <summary>
    /// An entity loaded before and tracked by its context: change it, <c>SaveChangesAsync</c> (one conditional
    /// UpdateItem of the changed attribute).
    /// </summary>
    [Benchmark]
    public async Task<int> EfCoreLoaded()
    {
        _efLoaded.Count = NextCount();
        return await _efLoadedContext.SaveChangesAsync();
    }

    /// <summary><c>FindAsync</c>, change, <c>SaveChangesAsync</c> on a fresh context (UpdateItem of the changed attribute).</summary>
    [Benchmark]
    public async Task<int> EfCore()
    {
        await using var db = new BenchDbContext(EfOptions);
        var item = await db.Items.FindAsync(Partition, "efcore");
        item!.Count = NextCount();
        return await db.SaveChangesAsync();
    }

    /// <summary><c>ExecuteUpdateAsync</c> on the full key: one conditional UpdateItem, no read, nothing tracked.</summary>
    [Benchmark]
    public async Task<int> EfCoreExecuteUpdate()
    {
        await using var db = new BenchDbContext(EfOptions);
        var count = NextCount();
        return await db.Items.Where(x => x.Pk == Partition && x.Sk == "efcore-execute").ExecuteUpdateAsync(s => s.SetProperty(x => x.Count, count));
    }

    /// <summary>The same as <see cref="EfCoreExecuteUpdate"/> on a pooled context (<c>AddDbContextPool</c>).</summary>
    [Benchmark]
    public async Task<int> EfCorePooledExecuteUpdate()
    {
        await using var db = await EfPool.CreateDbContextAsync();
        var count = NextCount();
        return await db.Items.Where(x => x.Pk == Partition && x.Sk == "efcore-execute").ExecuteUpdateAsync(s => s.SetProperty(x => x.Count, count));
    }

    private static BenchItem Item(string sk) => new()
    {
        Pk = Partition, Sk = sk, Name = sk, Count = 0, Price = 1.5m, Active = true, CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
    };

    private int NextCount() => Interlocked.Increment(ref _count);
}
