using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests;

public class BulkAndFaultTests : DynamoDbTestBase<ShopContext>
{
    private static readonly DateTime CreatedAt = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    protected override ShopContext CreateContext(DbContextOptions<ShopContext> options) => new(options);

    private ShopContext CreateFaultyContext(FaultInjectingHttpClientFactory transport)
        => CreateContext(d => d.ConfigureClient(c => (c.HttpClientFactory, c.MaxErrorRetry) = (transport, 5)));

    private static IEnumerable<User> Users(int count, string prefix)
        => Enumerable.Range(0, count).Select(i => new User { Email = $"{prefix}{i % 50}@bulk.com", CreatedAt = CreatedAt.AddSeconds(i), Age = i });

    [Fact]
    public async Task Bulk_insert_of_10000_items_with_Never_is_about_400_BatchWriteItem_requests()
    {
        await using (var context = CreateContext(d => d.MaxWriteConcurrency(8)))
        {
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
            context.ChangeTracker.AutoDetectChangesEnabled = false;
            context.Users.AddRange(Users(10_000, "b"));
            Assert.Equal(10_000, await context.SaveChangesAsync());
            Assert.Equal(400, Log.MessagesOf(DynamoDbEventId.ExecutedBatchWriteItem).Count());
            Assert.Empty(Log.MessagesOf(DynamoDbEventId.ExecutedPutItem));
            Assert.All(context.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
        }

        await using var check = CreateContext();
        Assert.Equal(10_000, await check.Users.AllowScan().CountAsync());
    }

    [Fact]
    public async Task Throttling_server_errors_and_unprocessed_items_lose_and_duplicate_nothing()
    {
        var transport = new FaultInjectingHttpClientFactory((operation, call) => operation switch
        {
            "BatchWriteItem" when call % 7 == 0 => Fault.Throttle,
            "BatchWriteItem" when call % 5 == 0 => Fault.ProcessHalf,
            "BatchWriteItem" when call % 11 == 0 => Fault.ServerError,
            "PutItem" or "UpdateItem" when call % 3 == 0 => Fault.Throttle,
            _ => Fault.None,
        });

        await using (var context = CreateFaultyContext(transport))
        {
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
            context.Users.AddRange(Users(2_000, "f"));
            Assert.Equal(2_000, await context.SaveChangesAsync());
        }

        Assert.True(transport.Calls["BatchWriteItem"] > 80, $"faults should have caused resends, saw {transport.Calls["BatchWriteItem"]} requests");
        await using var check = CreateContext();
        var stored = await check.Users.AllowScan().Select(u => u.Age).ToListAsync();
        Assert.Equal(Enumerable.Range(0, 2_000), stored.Order());
    }

    [Fact]
    public async Task A_transaction_whose_response_is_lost_is_retried_with_its_token_and_applied_once()
    {
        var transport = new FaultInjectingHttpClientFactory((operation, call) => operation == "TransactWriteItems" && call == 1 ? Fault.LoseResponse : Fault.None);
        await using (var context = CreateFaultyContext(transport))
        {
            context.Users.AddRange(Users(3, "lost"));
            Assert.Equal(3, await context.SaveChangesAsync());
        }

        Assert.Equal(2, transport.Calls["TransactWriteItems"]);
        await using var check = CreateContext();
        Assert.Equal(3, await check.Users.AllowScan().CountAsync());
    }

    [Fact]
    public async Task A_transaction_cancelled_by_a_conflict_is_sent_again()
    {
        var transport = new FaultInjectingHttpClientFactory((operation, call) => operation == "TransactWriteItems" && call <= 2 ? Fault.TransactionConflict : Fault.None);
        await using (var context = CreateFaultyContext(transport))
        {
            context.Users.AddRange(Users(4, "conflict"));
            Assert.Equal(4, await context.SaveChangesAsync());
        }

        Assert.Equal(3, transport.Calls["TransactWriteItems"]);
        await using var check = CreateContext();
        Assert.Equal(4, await check.Users.AllowScan().CountAsync());
    }

    [Fact]
    public async Task Without_a_transaction_written_entries_are_accepted_when_another_write_fails()
    {
        await using var context = CreateContext();
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        context.Users.AddRange(Users(30, "partial"));
        var ghost = new User { Email = "ghost@bulk.com", CreatedAt = CreatedAt };
        context.Users.Attach(ghost).Property(u => u.Age).IsModified = true;

        var exception = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => context.SaveChangesAsync());
        Assert.Same(ghost, Assert.Single(exception.Entries).Entity);
        Assert.Contains("30 of the 31 writes", exception.Message);
        Assert.Single(context.ChangeTracker.Entries(), e => e.State != EntityState.Unchanged);

        await using var check = CreateContext();
        Assert.Equal(30, await check.Users.AllowScan().CountAsync());
    }
}
