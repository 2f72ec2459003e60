using Amazon.DynamoDBv2.Model;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.TestUtilities;

/// <summary>
/// A test class with its own table prefix: its tables are created before its tests and deleted after them,
/// so test classes never see each other's data on the shared server.
/// </summary>
public abstract class DynamoDbTestBase<TContext> : IAsyncLifetime
    where TContext : DbContext
{
    protected string Prefix { get; } = TestDb.NewPrefix();

    protected ListLoggerFactory Log { get; } = new();

    protected abstract TContext CreateContext(DbContextOptions<TContext> options);

    protected TContext CreateContext(Action<DynamoDbDbContextOptionsBuilder>? configure = null, bool sensitive = false)
        => CreateContext(TestDb.Options<TContext>(Prefix, configure, o =>
        {
            o.UseLoggerFactory(Log);
            if (sensitive)
            {
                o.EnableSensitiveDataLogging();
            }
        }));

    /// <summary>A context whose requests are recorded at its client's transport, with the transport.</summary>
    protected (TContext Context, FaultInjectingHttpClientFactory Transport) CreateRecordingContext(
        Action<DynamoDbDbContextOptionsBuilder>? configure = null)
    {
        var transport = new FaultInjectingHttpClientFactory((_, _) => Fault.None, recordBodies: true);
        var context = CreateContext(d =>
        {
            d.ConfigureClient(c => c.HttpClientFactory = transport);
            configure?.Invoke(d);
        });
        return (context, transport);
    }

    /// <summary>Adds the entities on a fresh context and saves them.</summary>
    protected async Task AddAndSaveAsync(params object[] entities)
    {
        await using var context = CreateContext();
        context.AddRange(entities);
        await context.SaveChangesAsync();
    }

    /// <summary>The stored item with a string partition key <c>Id</c>, read with the AWS SDK (empty when absent).</summary>
    protected async Task<Dictionary<string, AttributeValue>> RawItemAsync(string table, string id)
    {
        using var raw = TestDb.RawClient();
        return (await raw.GetItemAsync(Prefix + table, IdKey(id))).Item ?? [];
    }

    /// <summary>Another writer's <c>SET</c> on the item with partition key <c>Id</c>, through the AWS SDK.</summary>
    protected async Task RawSetAsync(string table, string id, string path, AttributeValue value)
    {
        using var raw = TestDb.RawClient();
        await raw.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Prefix + table,
            Key = IdKey(id),
            UpdateExpression = $"SET {path} = :value",
            ExpressionAttributeValues = new() { [":value"] = value },
        });
    }

    protected static Dictionary<string, AttributeValue> IdKey(string id) => new() { ["Id"] = new() { S = id } };

    public virtual async Task InitializeAsync()
    {
        await using var context = CreateContext();
        await context.Database.EnsureCreatedAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await using var context = CreateContext();
        await context.Database.EnsureDeletedAsync();
    }
}
