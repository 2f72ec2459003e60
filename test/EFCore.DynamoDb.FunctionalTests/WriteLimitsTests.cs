using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests;

public class WriteLimitsTests : DynamoDbTestBase<ShopContext>
{
    private static readonly DateTime CreatedAt = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    protected override ShopContext CreateContext(DbContextOptions<ShopContext> options) => new(options);

    [Fact]
    public async Task An_item_over_400_KB_is_refused_before_anything_is_sent()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;
        context.Users.Add(new User { Email = "big@w.com", CreatedAt = CreatedAt, FirstName = new string('x', 410 * 1024) });
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());
        Assert.Contains("'User'", exception.Message);
        Assert.Contains("400 KB", exception.Message);
        Assert.Empty(transport.Operations);
    }

    [Fact]
    public async Task An_update_setting_over_400_KB_is_refused_before_anything_is_sent()
    {
        await AddAndSaveAsync(new User { Email = "grow@w.com", CreatedAt = CreatedAt, FirstName = "small" });
        var big = new string('z', 410 * 1024);
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;

        var user = await context.Users.SingleAsync(u => u.Email == "grow@w.com" && u.CreatedAt == CreatedAt);
        user.FirstName = big;
        transport.Clear();
        var saved = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());
        var updated = await Assert.ThrowsAsync<InvalidOperationException>(() => context.Users
            .Where(u => u.Email == "grow@w.com" && u.CreatedAt == CreatedAt)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastName, big)));

        Assert.All(new[] { saved, updated }, e => Assert.Contains("400 KB", e.Message));
        Assert.Contains("'User'", saved.Message);
        Assert.Contains("'User'", updated.Message);
        Assert.Empty(transport.Requests);
    }

    [Fact]
    public async Task An_update_is_refused_when_the_item_after_it_would_be_over_400_KB()
    {
        await AddAndSaveAsync(new User { Email = "full@w.com", CreatedAt = CreatedAt, FirstName = new string('a', 300 * 1024) });
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;
        var user = await context.Users.SingleAsync(u => u.Email == "full@w.com" && u.CreatedAt == CreatedAt);
        transport.Clear();

        user.LastName = new string('b', 150 * 1024);
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        Assert.Contains("400 KB", exception.Message);
        Assert.Empty(transport.Requests);
        user.LastName = new string('b', 50 * 1024);
        Assert.Equal(1, await context.SaveChangesAsync());
    }

    [Fact]
    public async Task Transactions_are_split_at_4_MB_and_refused_over_it_under_Always()
    {
        var big = new string('y', 80 * 1024);
        await using (var refused = CreateContext())
        {
            refused.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
            refused.Users.AddRange(Enumerable.Range(0, 60).Select(i => new User { Email = $"s{i}@w.com", CreatedAt = CreatedAt, FirstName = big }));
            var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => refused.SaveChangesAsync());
            Assert.Contains("4 MB", exception.Message);
        }

        await using var split = CreateContext();
        split.Users.AddRange(Enumerable.Range(0, 60).Select(i => new User { Email = $"s{i}@w.com", CreatedAt = CreatedAt, FirstName = big }));
        Assert.Equal(60, await split.SaveChangesAsync());
        Assert.Equal(2, Log.MessagesOf(DynamoDbEventId.ExecutedTransactWriteItems).Count());
    }

    [Fact]
    public async Task Saves_and_queries_log_their_request_and_capacity_totals()
    {
        await using var context = CreateContext();
        context.Users.Add(new User { Email = "t@w.com", CreatedAt = CreatedAt });
        context.Users.Add(new User { Email = "t@w.com", CreatedAt = CreatedAt.AddDays(1) });
        await context.SaveChangesAsync();
        await context.Users.Where(u => u.Email == "t@w.com").ToListAsync();

        Assert.Contains("2 entries with 1 DynamoDB requests", Assert.Single(Log.MessagesOf(DynamoDbEventId.SaveChangesCompleted)));
        Assert.Contains("2 results with 1 DynamoDB requests", Assert.Single(Log.MessagesOf(DynamoDbEventId.QueryCompleted)));
    }

    [Fact]
    public async Task EnableRetryOnFailure_retries_refused_saves_and_query_pages()
    {
        FaultInjectingHttpClientFactory Throttling() => new((operation, call) =>
            (operation is "PutItem" or "Query") && call <= 2 ? Fault.Throttle : Fault.None);

        var transport = Throttling();
        await using (var context = CreateContext(d => d.EnableRetryOnFailure(5, TimeSpan.FromMilliseconds(50))
            .ConfigureClient(c => (c.HttpClientFactory, c.MaxErrorRetry) = (transport, 0))))
        {
            context.Users.Add(new User { Email = "r@w.com", CreatedAt = CreatedAt });
            await context.SaveChangesAsync();
            Assert.Single(await context.Users.AsNoTracking().Where(u => u.Email == "r@w.com").ToListAsync());
        }

        Assert.Equal(3, transport.Calls["PutItem"]);
        Assert.Equal(3, transport.Calls["Query"]);

        var withoutRetries = Throttling();
        await using var plain = CreateContext(d => d.ConfigureClient(c => (c.HttpClientFactory, c.MaxErrorRetry) = (withoutRetries, 0)));
        plain.Users.Add(new User { Email = "r2@w.com", CreatedAt = CreatedAt });
        await Assert.ThrowsAsync<DbUpdateException>(() => plain.SaveChangesAsync());
    }
}
