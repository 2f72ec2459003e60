using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.DocumentModel;
using BenchmarkDotNet.Attributes;
using EFCore.DynamoDb.Benchmarks.Infrastructure;
using EFCore.DynamoDb.Benchmarks.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Benchmarks.Workloads;

/// <summary>
/// Setup shared by every workload: a fresh DynamoDB Local with the <c>bench-items</c> table, the workload's seed
/// data, and three clients configured alike, one per implementation (hand-written, DataModel, EF Core). For the
/// in-process transport every benchmark of the class runs once against DynamoDB Local to record the responses,
/// then the server is stopped and the clients are answered in process.
/// </summary>
public abstract class WorkloadBase
{
    private readonly List<ReplayHandler> _replays = [];
    private DynamoDbLocalServer? _server;
    private AmazonDynamoDBClient? _dataModelClient;
    private AmazonDynamoDBClient? _efClient;

    [ParamsAllValues]
    public Transport Transport { get; set; }

    /// <summary>A client straight to DynamoDB Local, for table creation and seeding (never measured).</summary>
    protected AmazonDynamoDBClient SetupClient { get; private set; } = null!;

    /// <summary>The client of the hand-written implementation.</summary>
    protected AmazonDynamoDBClient LowLevelClient { get; private set; } = null!;

    /// <summary>The hand-written read of every page of a query, mapped to items by hand.</summary>
    protected async Task<List<BenchItem>> QueryAllAsync(Amazon.DynamoDBv2.Model.QueryRequest request)
    {
        var items = new List<BenchItem>();
        do
        {
            var response = await LowLevelClient.QueryAsync(request);
            items.AddRange(ItemAttributes.ToItems(response.Items));
            request.ExclusiveStartKey = response.LastEvaluatedKey;
        }
        while (request.ExclusiveStartKey is { Count: > 0 });

        return items;
    }

    /// <summary>The AWS SDK object persistence context, on its own client.</summary>
    protected IDynamoDBContext DataModelContext { get; private set; } = null!;

    /// <summary>The client of the EF Core implementation, for workloads with a context of their own.</summary>
    protected AmazonDynamoDBClient EfClient => _efClient!;

    /// <summary>Options for a fresh <see cref="BenchDbContext"/> per operation, built once, on their own client.</summary>
    protected DbContextOptions<BenchDbContext> EfOptions { get; private set; } = null!;

    /// <summary>Pooled contexts on the same options, as <c>AddDbContextPool</c> gives an ASP.NET Core app.</summary>
    protected PooledDbContextFactory<BenchDbContext> EfPool { get; private set; } = null!;

    /// <summary>Synchronous: BenchmarkDotNet 0.14's in-process toolchain does not await an async global setup.</summary>
    [GlobalSetup]
    public void GlobalSetup() => SetUpAsync().GetAwaiter().GetResult();

    private async Task SetUpAsync()
    {
        _server = DynamoDbLocalServer.Start();
        SetupClient = BenchClients.Create(_server.Endpoint);
        await BenchTable.CreateAsync(SetupClient);
        await SeedAsync();

        LowLevelClient = NewClient();
        _dataModelClient = NewClient();
        DataModelContext = new DynamoDBContextBuilder()
            .WithDynamoDBClient(() => _dataModelClient)
            .ConfigureContext(c =>
            {
                c.DisableFetchingTableMetadata = true; // keys come from the attributes: no DescribeTable call
                c.Conversion = DynamoDBEntryConversion.V2; // bool as BOOL, as EF Core stores it
                c.RetrieveDateTimeInUtc = true;
            })
            .Build();
        _efClient = NewClient();
        EfOptions = new DbContextOptionsBuilder<BenchDbContext>().UseDynamoDb(_efClient).Options;
        EfPool = new PooledDbContextFactory<BenchDbContext>(EfOptions);
        await PrepareAsync();

        if (Transport == Transport.DynamoDbLocal)
        {
            await WarmUpServerAsync();
        }
        else
        {
            var recorded = await RunEveryBenchmarkOnceAsync();
            _replays.ForEach(r => r.StopRecording());
            _server.Stop(); // the replay needs no server; its JVM would only add noise
            var replayed = await RunEveryBenchmarkOnceAsync();
            if (!recorded.SequenceEqual(replayed))
            {
                throw new InvalidOperationException(
                    $"Replayed results differ from recorded ones: [{string.Join(", ", replayed)}] instead of [{string.Join(", ", recorded)}]");
            }

            Console.WriteLine($"// recorded and replayed: {string.Join(", ", recorded)}");
        }
    }

    [GlobalCleanup]
    public virtual void GlobalCleanup()
    {
        DataModelContext?.Dispose();
        _dataModelClient?.Dispose();
        _efClient?.Dispose();
        LowLevelClient?.Dispose();
        SetupClient?.Dispose();
        _replays.ForEach(r => r.Dispose());
        _server?.Stop();
    }

    /// <summary>Writes the items the workload reads, updates or deletes (the table exists and is empty).</summary>
    protected abstract Task SeedAsync();

    /// <summary>
    /// Runs once the clients exist, before any benchmark: loads what benchmarks keep between calls. On the in-process
    /// transport its requests are recorded like the benchmarks' own.
    /// </summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    /// <summary>Runs before each round of the server warmup: makes sure one more call of every benchmark can succeed.</summary>
    protected virtual Task PrepareWarmupRoundAsync() => Task.CompletedTask;

    private AmazonDynamoDBClient NewClient()
    {
        if (Transport == Transport.DynamoDbLocal)
        {
            return BenchClients.Create(_server!.Endpoint);
        }

        var replay = new ReplayHandler();
        _replays.Add(replay);
        return BenchClients.Create(_server!.Endpoint, new ReplayHttpClientFactory(replay));
    }

    /// <summary>How long every benchmark of the class runs against a fresh DynamoDB Local before measurement.</summary>
    private static readonly TimeSpan ServerWarmup = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Runs every benchmark of the class in turn for <see cref="ServerWarmup"/>: each case starts its own DynamoDB Local,
    /// whose JVM would otherwise still be compiling its request paths while the first implementations are measured,
    /// so that the end-to-end numbers compare the implementations against an equally warm server.
    /// </summary>
    private async Task WarmUpServerAsync()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (started.Elapsed < ServerWarmup)
        {
            await PrepareWarmupRoundAsync();
            await RunEveryBenchmarkOnceAsync();
        }
    }

    /// <summary>Runs each benchmark of the class once; returns what each returned (a count for lists).</summary>
    private async Task<List<string>> RunEveryBenchmarkOnceAsync()
    {
        var results = new List<string>();
        foreach (var method in GetType().GetMethods().Where(m => m.IsDefined(typeof(BenchmarkAttribute), inherit: false)))
        {
            var task = (Task)method.Invoke(this, null)!;
            await task;
            var result = task.GetType().GetProperty("Result")?.GetValue(task);
            results.Add($"{method.Name}: " + result switch
            {
                null => "null",
                System.Collections.ICollection list => $"{list.Count} items",
                BenchItem i => $"{i.Pk}/{i.Sk} count {i.Count}",
                DataModelItem i => $"{i.Pk}/{i.Sk} count {i.Count}",
                int n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => result.GetType().Name,
            });
        }

        return results;
    }
}
