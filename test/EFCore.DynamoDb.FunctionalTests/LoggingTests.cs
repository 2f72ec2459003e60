using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EFCore.DynamoDb.FunctionalTests;

public class LoggingTests : DynamoDbTestBase<ShopContext>
{
    private static readonly DateTime CreatedAt = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    protected override ShopContext CreateContext(DbContextOptions<ShopContext> options) => new(options);

    [Fact]
    public async Task Every_request_is_logged_with_its_event_id_table_and_expressions_without_values()
    {
        await using (var context = CreateContext())
        {
            context.Users.Add(new User { Email = "secret@b.com", CreatedAt = CreatedAt, FirstName = "Hidden" });
            await context.SaveChangesAsync();
        }

        await using (var context = CreateContext())
        {
            await context.Users.FindAsync("secret@b.com", CreatedAt);
            await context.Users.Where(u => u.Email == "secret@b.com" && u.Age > 3).ToListAsync();
        }

        var put = Assert.Single(Log.MessagesOf(DynamoDbEventId.ExecutedPutItem));
        Assert.Contains($"PutItem on table '{Prefix}users'", put);
        Assert.Contains("ConditionExpression: attribute_not_exists(#Email)", put);
        Assert.Contains("consumed capacity", put);
        Assert.Contains("GetItem", Assert.Single(Log.MessagesOf(DynamoDbEventId.ExecutedGetItem)));
        var query = Assert.Single(Log.MessagesOf(DynamoDbEventId.ExecutedQuery));
        Assert.Contains("KeyConditionExpression: #Email = :v0", query);
        Assert.Contains("FilterExpression: #Age > :v1", query);
        Assert.Contains(":v0: ?", query);
        Assert.Contains(Log.Messages, m => m.EventId.Id == DynamoDbEventId.ExecutedCreateTable.Id);
        Assert.DoesNotContain(
            Log.Messages,
            m => m.EventId.Name!.StartsWith("Microsoft.EntityFrameworkCore.DynamoDb", StringComparison.Ordinal)
                && (m.Message.Contains("secret@b.com") || m.Message.Contains("Hidden")));
    }

    [Fact]
    public async Task Consumed_capacity_is_asked_for_only_when_it_is_logged()
    {
        var transport = new FaultInjectingHttpClientFactory((_, _) => Fault.None, recordBodies: true);
        var silent = new DbContextOptionsBuilder<ShopContext>()
            .UseDynamoDb(d => d.ServiceUrl(DynamoDbTestServer.Endpoint).Region("us-east-1").Credentials(TestDb.Credentials)
                .TableNamePrefix(Prefix).ConfigureClient(c => c.HttpClientFactory = transport))
            .Options;
        await using (var context = new ShopContext(silent))
        {
            await context.Users.Where(u => u.Email == "quiet@b.com").ToListAsync();
        }

        Assert.DoesNotContain("ReturnConsumedCapacity", Assert.Single(transport.Bodies));

        await using (var logged = CreateContext(d => d.ConfigureClient(c => c.HttpClientFactory = transport)))
        {
            await logged.Users.Where(u => u.Email == "quiet@b.com").ToListAsync();
        }

        Assert.Contains("\"ReturnConsumedCapacity\":\"TOTAL\"", transport.Bodies.Last());
    }

    [Fact]
    public async Task Values_are_logged_only_with_sensitive_data_logging()
    {
        await using var context = CreateContext(sensitive: true);
        await context.Users.Where(u => u.Email == "shown@b.com").ToListAsync();
        Assert.Contains(":v0: S:\"shown@b.com\"", Assert.Single(Log.MessagesOf(DynamoDbEventId.ExecutedQuery)));
    }

    [Fact]
    public async Task Failed_requests_are_logged_with_the_error_code()
    {
        await using var context = CreateContext();
        context.Users.Remove(new User { Email = "missing@b.com", CreatedAt = CreatedAt });
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => context.SaveChangesAsync());
        Assert.Contains("ConditionalCheckFailedException", Assert.Single(Log.MessagesOf(DynamoDbEventId.RequestFailed)));
    }

    [Fact]
    public async Task Scan_warns_by_default_naming_the_query()
    {
        await using var context = CreateContext();
        await context.Users.Where(u => u.Age > 30).ToListAsync();
        var warning = Assert.Single(Log.Messages, m => m.EventId.Id == DynamoDbEventId.ScanQueryWarning.Id);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("u.Age > 30", warning.Message);
        Assert.Single(Log.MessagesOf(DynamoDbEventId.ExecutedScan));
    }

    [Fact]
    public async Task Scan_behavior_Throw_refuses_scans_before_sending_unless_AllowScan()
    {
        await using var context = CreateContext(d => d.ScanBehavior(DynamoDbScanBehavior.Throw));
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.Users.Where(u => u.Age > 30).ToListAsync());
        Assert.Contains("u.Age > 30", exception.Message);
        Assert.Contains("AllowScan()", exception.Message);
        Assert.Empty(Log.MessagesOf(DynamoDbEventId.ExecutedScan));

        Assert.Empty(await context.Users.Where(u => u.Age > 30).AllowScan().ToListAsync());
        Assert.Single(Log.MessagesOf(DynamoDbEventId.ExecutedScan));
        Assert.DoesNotContain(Log.Messages, m => m.EventId.Id == DynamoDbEventId.ScanQueryWarning.Id);
    }

    [Fact]
    public async Task Scan_behavior_Allow_scans_silently_and_consistent_reads_are_requested()
    {
        await using var context = CreateContext(d => d.ScanBehavior(DynamoDbScanBehavior.Allow).ConsistentReads());
        await context.Users.ToListAsync();
        Assert.DoesNotContain(Log.Messages, m => m.EventId.Id == DynamoDbEventId.ScanQueryWarning.Id);
        Assert.Contains("ConsistentRead: true", Assert.Single(Log.MessagesOf(DynamoDbEventId.ExecutedScan)));
    }

    [Fact]
    public async Task Full_key_lookups_are_one_GetItem_each()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;
        await context.Users.FindAsync("k@b.com", CreatedAt);
        await context.Users.FirstOrDefaultAsync(u => u.Email == "k@b.com" && u.CreatedAt == CreatedAt);
        await context.Users.SingleOrDefaultAsync(u => u.CreatedAt == CreatedAt && "k@b.com" == u.Email);
        Assert.Equal(["GetItem", "GetItem", "GetItem"], transport.Operations);
        Assert.Equal(3, Log.MessagesOf(DynamoDbEventId.ExecutedGetItem).Count());
    }

    [Fact]
    public async Task WithConsistentRead_asks_for_a_strongly_consistent_read()
    {
        await using var context = CreateContext();
        await context.Users.WithConsistentRead().Where(u => u.Email == "x" && u.CreatedAt == CreatedAt).ToListAsync();
        Assert.Contains("ConsistentRead: true", Assert.Single(Log.MessagesOf(DynamoDbEventId.ExecutedGetItem)));
    }
}
