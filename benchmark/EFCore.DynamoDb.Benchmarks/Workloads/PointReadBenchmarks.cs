using Amazon.DynamoDBv2.Model;
using BenchmarkDotNet.Attributes;
using EFCore.DynamoDb.Benchmarks.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Benchmarks.Workloads;

/// <summary>1. Read one item by its full primary key (one <c>GetItem</c>) and materialize it.</summary>
[MemoryDiagnoser]
public class PointReadBenchmarks : WorkloadBase
{
    private const string Partition = "read";
    private readonly string _pk = Partition;
    private readonly string _sk = BenchTable.SortKey(42);

    private static readonly Func<BenchDbContext, string, string, Task<BenchItem?>> CompiledRead
        = EF.CompileAsyncQuery((BenchDbContext db, string pk, string sk) => db.Items.AsNoTracking().FirstOrDefault(x => x.Pk == pk && x.Sk == sk));

    private DbContextOptions<InMemoryBenchDbContext> _inMemoryOptions = null!;
    private PooledDbContextFactory<InMemoryBenchDbContext> _inMemoryPool = null!;

    protected override Task SeedAsync() => BenchTable.SeedAsync(SetupClient, Partition, 0, 100);

    protected override async Task PrepareAsync()
    {
        _inMemoryOptions = new DbContextOptionsBuilder<InMemoryBenchDbContext>().UseInMemoryDatabase("bench-items").Options;
        _inMemoryPool = new PooledDbContextFactory<InMemoryBenchDbContext>(_inMemoryOptions);
        await using var db = new InMemoryBenchDbContext(_inMemoryOptions);
        if (await db.Items.FindAsync(_pk, _sk) == null)
        {
            db.Items.Add(BenchTable.NewItem(_pk, 42));
            await db.SaveChangesAsync();
        }
    }

    /// <summary>GetItem by hand, mapped to a <see cref="BenchItem"/>.</summary>
    [Benchmark(Baseline = true)]
    public async Task<BenchItem?> LowLevel()
    {
        var response = await LowLevelClient.GetItemAsync(new GetItemRequest { TableName = BenchTable.Name, Key = ItemAttributes.Key(_pk, _sk) });
        return response.Item is { Count: > 0 } item ? ItemAttributes.ToItem(item) : null;
    }

    /// <summary><c>DynamoDBContext.LoadAsync</c> by hash and range key.</summary>
    [Benchmark]
    public Task<DataModelItem> DataModel() => DataModelContext.LoadAsync<DataModelItem>(_pk, _sk);

    /// <summary><c>FindAsync</c> on a fresh context: a tracked entity.</summary>
    [Benchmark]
    public async Task<BenchItem?> EfCoreFind()
    {
        await using var db = new BenchDbContext(EfOptions);
        return await db.Items.FindAsync(_pk, _sk);
    }

    /// <summary>
    /// <c>FindAsync</c> on a fresh context of EF Core's InMemory provider: EF Core's own cost of a context and a point
    /// read, next to <see cref="EfCoreFind"/> (the same on this provider); the transport does not apply.
    /// </summary>
    [Benchmark]
    public async Task<BenchItem?> InMemoryFind()
    {
        await using var db = new InMemoryBenchDbContext(_inMemoryOptions);
        return await db.Items.FindAsync(_pk, _sk);
    }

    /// <summary>
    /// <see cref="EfCoreFind"/> on a pooled context (<c>AddDbContextPool</c>), whose services outlive each use: the
    /// difference from <see cref="EfCoreFind"/> is what a fresh context costs.
    /// </summary>
    [Benchmark]
    public async Task<BenchItem?> EfCorePooledFind()
    {
        await using var db = await EfPool.CreateDbContextAsync();
        return await db.Items.FindAsync(_pk, _sk);
    }

    /// <summary><see cref="InMemoryFind"/> on a pooled context: with it, what a fresh context costs EF Core itself.</summary>
    [Benchmark]
    public async Task<BenchItem?> InMemoryPooledFind()
    {
        await using var db = await _inMemoryPool.CreateDbContextAsync();
        return await db.Items.FindAsync(_pk, _sk);
    }

    /// <summary>
    /// <see cref="EfCorePooledFind"/>, then a fresh context of this provider set up as a point read sets it up (change
    /// tracker, query provider, query context) without a request: less <see cref="EfCorePooledFind"/>, a fresh
    /// context's own cost next to this provider's reads.
    /// </summary>
    [Benchmark]
    public async Task<BenchItem?> EfCorePooledFindAndFreshContext()
    {
        var item = await EfCorePooledFind();
        await using var fresh = new BenchDbContext(EfOptions);
        SetUpForRead(fresh, fresh.Items);
        return item;
    }

    /// <summary>
    /// <see cref="EfCorePooledFindAndFreshContext"/> with a fresh context of EF Core's InMemory provider instead: EF
    /// Core's own cost of a context, next to the same reads.
    /// </summary>
    [Benchmark]
    public async Task<BenchItem?> EfCorePooledFindAndFreshInMemoryContext()
    {
        var item = await EfCorePooledFind();
        await using var fresh = new InMemoryBenchDbContext(_inMemoryOptions);
        SetUpForRead(fresh, fresh.Items);
        return item;
    }

    /// <summary>
    /// <see cref="LowLevel"/>, then the same fresh InMemory context as <see cref="EfCorePooledFindAndFreshInMemoryContext"/>:
    /// less <see cref="LowLevel"/>, what EF Core's own context costs next to a hand-written AWS SDK request, with no
    /// code of this provider anywhere in the loop.
    /// </summary>
    [Benchmark]
    public async Task<BenchItem?> LowLevelAndFreshInMemoryContext()
    {
        var item = await LowLevel();
        await using var fresh = new InMemoryBenchDbContext(_inMemoryOptions);
        SetUpForRead(fresh, fresh.Items);
        return item;
    }

    private static void SetUpForRead(DbContext context, IQueryable<BenchItem> set)
    {
        _ = context.ChangeTracker;
        _ = set.Provider;
        _ = context.GetService<Microsoft.EntityFrameworkCore.Query.IQueryContextFactory>().Create();
    }

    /// <summary>The same as <see cref="EfCoreNoTracking"/> on a pooled context (<c>AddDbContextPool</c>).</summary>
    [Benchmark]
    public async Task<BenchItem?> EfCorePooledNoTracking()
    {
        await using var db = await EfPool.CreateDbContextAsync();
        return await db.Items.AsNoTracking().FirstOrDefaultAsync(x => x.Pk == _pk && x.Sk == _sk);
    }

    /// <summary>
    /// The same read as a compiled query (<c>EF.CompileAsyncQuery</c>) on a pooled context: how an EF Core expert
    /// writes a hot path (no expression tree to build, parameterize and look up per call).
    /// </summary>
    [Benchmark]
    public async Task<BenchItem?> EfCorePooledCompiled()
    {
        await using var db = await EfPool.CreateDbContextAsync();
        return await CompiledRead(db, _pk, _sk);
    }

    /// <summary><c>AsNoTracking().FirstOrDefaultAsync</c> on the full key, on a fresh context.</summary>
    [Benchmark]
    public async Task<BenchItem?> EfCoreNoTracking()
    {
        await using var db = new BenchDbContext(EfOptions);
        return await db.Items.AsNoTracking().FirstOrDefaultAsync(x => x.Pk == _pk && x.Sk == _sk);
    }
}
