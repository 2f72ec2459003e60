using System.Collections.Concurrent;
using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests;

public class Gadget
{
    public string Id { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
}

public class GadgetContext(DbContextOptions<GadgetContext> options) : DbContext(options)
{
    public DbSet<Gadget> Gadgets => Set<Gadget>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Gadget>().HasIndex(g => g.Kind).IsGlobalSecondaryIndex("by-kind");
}

/// <summary>Records every call it gets, and whether it was the synchronous or asynchronous method.</summary>
public class RecordingInterceptor : IDynamoDbRequestInterceptor
{
    public ConcurrentQueue<(string Event, bool Async, DynamoDbRequestEventData Data)> Events { get; } = new();

    public IEnumerable<DynamoDbRequestEventData> Sent => Events.Where(e => e.Event == "Sending").Select(e => e.Data);

    public virtual void RequestSending(DynamoDbRequestEventData eventData) => Events.Enqueue(("Sending", false, eventData));

    public virtual ValueTask RequestSendingAsync(DynamoDbRequestEventData eventData, CancellationToken cancellationToken = default)
    {
        Events.Enqueue(("Sending", true, eventData));
        return default;
    }

    public void RequestSucceeded(DynamoDbRequestSucceededEventData eventData) => Events.Enqueue(("Succeeded", false, eventData));

    public ValueTask RequestSucceededAsync(DynamoDbRequestSucceededEventData eventData, CancellationToken cancellationToken = default)
    {
        Events.Enqueue(("Succeeded", true, eventData));
        return default;
    }

    public void RequestFailed(DynamoDbRequestFailedEventData eventData) => Events.Enqueue(("Failed", false, eventData));

    public ValueTask RequestFailedAsync(DynamoDbRequestFailedEventData eventData, CancellationToken cancellationToken = default)
    {
        Events.Enqueue(("Failed", true, eventData));
        return default;
    }
}

/// <summary>Tags every request with a header and asks every query for its consumed capacity.</summary>
public class TaggingInterceptor : RecordingInterceptor
{
    public override ValueTask RequestSendingAsync(DynamoDbRequestEventData eventData, CancellationToken cancellationToken = default)
    {
        ((IAmazonWebServiceRequest)eventData.Request).AddBeforeRequestHandler(
            (_, args) => ((WebServiceRequestEventArgs)args).Headers["X-App-Tag"] = "checkout");
        if (eventData.Request is QueryRequest query)
        {
            query.ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL;
        }

        return base.RequestSendingAsync(eventData, cancellationToken);
    }
}

public sealed class RequestSignalTests : IAsyncLifetime
{
    private readonly string _prefix = TestDb.NewPrefix();
    private readonly FaultInjectingHttpClientFactory _transport = new((_, _) => Fault.None, recordBodies: true);

    private GadgetContext CreateContext(params IInterceptor[] interceptors)
        => new(TestDb.Options<GadgetContext>(
            _prefix, d => d.ConfigureClient(c => c.HttpClientFactory = _transport), o => o.AddInterceptors(interceptors)));

    [Fact]
    public async Task Every_request_of_EnsureCreated_a_save_and_a_query_goes_through_the_interceptor()
    {
        var interceptor = new RecordingInterceptor();
        await using var context = CreateContext(interceptor);

        await context.Database.EnsureCreatedAsync();
        context.Gadgets.AddRange(new Gadget { Id = "g1", Kind = "lamp", Name = "Desk" }, new Gadget { Id = "g2", Kind = "lamp", Name = "Floor" });
        await context.SaveChangesAsync();
        var lamps = await context.Gadgets.Where(g => g.Kind == "lamp").ToListAsync();
        await context.Gadgets.FindAsync("g9");

        Assert.Equal(2, lamps.Count);
        Assert.Equal(_transport.Operations, interceptor.Sent.Select(e => e.Operation));
        Assert.Contains("CreateTable", _transport.Operations);
        Assert.Contains("TransactWriteItems", _transport.Operations);
        Assert.All(interceptor.Events, e => Assert.True(e.Async));
        Assert.All(interceptor.Events, e => Assert.Same(context, e.Data.Context));
        Assert.All(interceptor.Sent.Where(e => e.Operation != "ListTables"), e => Assert.All(e.TableNames, t => Assert.StartsWith(_prefix, t)));

        var query = Assert.Single(interceptor.Sent, e => e.Operation == "Query");
        Assert.Equal("by-kind", query.IndexName);
        Assert.Equal([_prefix + "Gadgets"], query.TableNames);

        // Each request is answered once, in order: EnsureCreated's first DescribeTable fails (the table is missing).
        var answers = interceptor.Events.Where(e => e.Event != "Sending").ToList();
        Assert.Equal(interceptor.Sent.Select(e => e.RequestId), answers.Select(e => e.Data.RequestId));
        var missing = (DynamoDbRequestFailedEventData)answers[0].Data;
        Assert.Equal(("DescribeTable", "ResourceNotFoundException"), (missing.Operation, missing.ErrorCode));
        var succeeded = answers.Skip(1).Select(e => Assert.IsType<DynamoDbRequestSucceededEventData>(e.Data)).ToList();
        Assert.All(succeeded, e => Assert.True(e.Duration > TimeSpan.Zero));
        Assert.All(succeeded, e => Assert.False(string.IsNullOrEmpty(e.AwsRequestId)));
        Assert.Equal(interceptor.Sent.Count(), interceptor.Sent.Select(e => e.RequestId).Distinct().Count());
    }

    [Fact]
    public async Task Synchronous_calls_reach_the_synchronous_methods_and_failures_are_reported()
    {
        var interceptor = new RecordingInterceptor();
        await using (var setup = CreateContext())
        {
            await setup.Database.EnsureCreatedAsync();
        }

        using var context = CreateContext(interceptor);
        context.Gadgets.Add(new Gadget { Id = "g1", Kind = "fan", Name = "Tower" });
        context.SaveChanges();
        Assert.Single(context.Gadgets.Where(g => g.Kind == "fan").ToList());
        Assert.All(interceptor.Events, e => Assert.False(e.Async));
        Assert.Equal(["PutItem", "Query"], interceptor.Sent.Select(e => e.Operation));

        interceptor.Events.Clear();
        using var other = CreateContext(interceptor);
        other.Gadgets.Add(new Gadget { Id = "g1", Kind = "fan", Name = "Duplicate" });
        await Assert.ThrowsAsync<DbUpdateException>(() => other.SaveChangesAsync());
        var failed = Assert.Single(interceptor.Events, e => e.Event == "Failed");
        Assert.True(failed.Async);
        var data = (DynamoDbRequestFailedEventData)failed.Data;
        Assert.Equal("PutItem", data.Operation);
        Assert.Equal("ConditionalCheckFailedException", data.ErrorCode);
        Assert.IsType<ConditionalCheckFailedException>(data.Exception);
    }

    [Fact]
    public async Task An_interceptor_may_tag_requests_and_ask_for_consumed_capacity()
    {
        var interceptor = new TaggingInterceptor();
        await using var context = CreateContext(interceptor);
        await context.Database.EnsureCreatedAsync();
        context.Gadgets.Add(new Gadget { Id = "g1", Kind = "desk", Name = "Standing" });
        await context.SaveChangesAsync();
        _transport.Clear();
        _transport.Headers.Clear();

        await context.Gadgets.Where(g => g.Kind == "desk").ToListAsync();

        var (operation, body) = Assert.Single(_transport.Requests);
        Assert.Equal("Query", operation);
        Assert.Contains("\"ReturnConsumedCapacity\":\"TOTAL\"", body);
        Assert.Equal(["checkout"], Assert.Single(_transport.Headers).GetValues("X-App-Tag"));
        var answered = (DynamoDbRequestSucceededEventData)interceptor.Events.Last().Data;
        Assert.NotNull(answered.ConsumedCapacity);
    }

    [Fact]
    public async Task Each_request_is_an_activity_of_the_EFCore_DynamoDb_source()
    {
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "EFCore.DynamoDb",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var table = _prefix + "Gadgets";
        await using var context = new GadgetContext(TestDb.Options<GadgetContext>(_prefix, configureContext: o => o.UseLoggerFactory(new ListLoggerFactory())));
        await context.Database.EnsureCreatedAsync();

        await context.Gadgets.Where(g => g.Kind == "chair").ToListAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => context.Gadgets.Where(g => g.Kind == "chair").WithConsistentRead().ToListAsync());

        var mine = activities.Where(a => a.GetTagItem("aws.dynamodb.table_names") is string[] names && names.Contains(table)).ToList();
        Assert.Contains(mine, a => a.DisplayName == "DynamoDB.CreateTable");
        var query = Assert.Single(mine, a => a.DisplayName == "DynamoDB.Query");
        Assert.Equal(ActivityKind.Client, query.Kind);
        Assert.Equal("aws.dynamodb", query.GetTagItem("db.system.name"));
        Assert.Equal("Query", query.GetTagItem("db.operation.name"));
        Assert.Equal("by-kind", query.GetTagItem("aws.dynamodb.index_name"));
        Assert.IsType<double>(query.GetTagItem("aws.dynamodb.consumed_capacity"));
        Assert.Equal(ActivityStatusCode.Unset, query.Status);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await using var context = CreateContext();
        await context.Database.EnsureDeletedAsync();
    }
}
