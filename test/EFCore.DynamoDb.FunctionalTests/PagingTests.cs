using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace EFCore.DynamoDb.FunctionalTests;

public class PagingTests : DynamoDbTestBase<ShopContext>
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    protected override ShopContext CreateContext(DbContextOptions<ShopContext> options) => new(options);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var context = CreateContext();
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        for (var i = 0; i < 23; i++)
        {
            context.Users.Add(new User { Email = "pages@q.com", CreatedAt = Start.AddHours(i), Age = i });
        }

        context.Users.Add(new User { Email = "other@q.com", CreatedAt = Start, Age = 100 });
        await context.SaveChangesAsync();
    }

    [Fact]
    public async Task ToPageAsync_walks_a_partition_page_by_page()
    {
        var seen = new List<int>();
        string? token = null;
        var pages = 0;
        do
        {
            await using var context = CreateContext();
            var page = await context.Users.Where(u => u.Email == "pages@q.com").OrderBy(u => u.CreatedAt).ToPageAsync(10, token);
            Assert.True(page.Values.Count <= 10);
            seen.AddRange(page.Values.Select(u => u.Age));
            token = page.ContinuationToken;
            pages++;
        }
        while (token != null);

        Assert.Equal(Enumerable.Range(0, 23), seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task ToPageAsync_fills_pages_through_a_selective_filter_and_projections()
    {
        await using var context = CreateContext();
        var odd = context.Users.Where(u => u.Email == "pages@q.com" && u.Age > 10).Select(u => u.Age);
        var first = await odd.ToPageAsync(5, null);
        Assert.Equal([11, 12, 13, 14, 15], first.Values);
        var second = await odd.ToPageAsync(5, first.ContinuationToken);
        Assert.Equal([16, 17, 18, 19, 20], second.Values);
        var third = await odd.ToPageAsync(5, second.ContinuationToken);
        Assert.Equal([21, 22], third.Values);
        Assert.Null(third.ContinuationToken);
    }

    [Fact]
    public async Task WithPageSize_sets_the_per_request_limit_without_changing_results()
    {
        await using var context = CreateContext();
        var size = 5;
        var users = await context.Users.Where(u => u.Email == "pages@q.com").WithPageSize(size).ToListAsync();
        Assert.Equal(23, users.Count);
        var requests = Log.MessagesOf(DynamoDbEventId.ExecutedQuery).ToList();
        Assert.Equal(5, requests.Count);
        Assert.All(requests, r => Assert.Contains("Limit: 5", r));

        var filtered = await context.Users.Where(u => u.Email == "pages@q.com" && u.Age >= 20).WithPageSize(10).Take(2).ToListAsync();
        Assert.Equal([20, 21], filtered.Select(u => u.Age));
    }

    [Fact]
    public async Task A_scan_pages_too()
    {
        await using var context = CreateContext();
        var all = new List<string>();
        string? token = null;
        do
        {
            var page = await context.Users.AllowScan().ToPageAsync(7, token);
            all.AddRange(page.Values.Select(u => u.Email + u.Age));
            token = page.ContinuationToken;
        }
        while (token != null);

        Assert.Equal(24, all.Distinct().Count());
    }

    [Fact]
    public async Task Tampered_or_foreign_tokens_are_refused()
    {
        await using var context = CreateContext();
        var page = await context.Users.Where(u => u.Email == "pages@q.com").ToPageAsync(5, null);
        var token = page.ContinuationToken!;

        var tampered = token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..];
        await Assert.ThrowsAsync<ArgumentException>(() => context.Users.Where(u => u.Email == "pages@q.com").ToPageAsync(5, tampered));
        await Assert.ThrowsAsync<ArgumentException>(() => context.Users.Where(u => u.Email == "pages@q.com").ToPageAsync(5, "not-a-token"));

        var foreign = await Assert.ThrowsAsync<ArgumentException>(() => context.Users.Where(u => u.Email == "other@q.com").ToPageAsync(5, token));
        Assert.Contains("another query", foreign.Message);
        Assert.Empty(Log.MessagesOf(DynamoDbEventId.RequestFailed));
    }

    [Fact]
    public async Task With_a_token_key_tokens_reveal_no_key_and_only_that_key_reads_them()
    {
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        await using var context = CreateContext(d => d.ContinuationTokenKey(key));
        var query = context.Users.Where(u => u.Email == "pages@q.com").OrderBy(u => u.CreatedAt);
        var first = await query.ToPageAsync(5, null);
        var token = first.ContinuationToken!;

        // Nothing of the item key shows through, however the token is decoded.
        var bytes = Convert.FromBase64String(token[2..].Replace('-', '+').Replace('_', '/') + new string('=', (4 - (token.Length - 2) % 4) % 4));
        Assert.DoesNotContain("pages@q.com", System.Text.Encoding.UTF8.GetString(bytes));
        Assert.DoesNotContain("pages", token);

        var second = await query.ToPageAsync(5, token);
        Assert.True(second.Values[0].CreatedAt > first.Values[^1].CreatedAt);

        await using var otherKey = CreateContext(d => d.ContinuationTokenKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        await Assert.ThrowsAsync<ArgumentException>(() => otherKey.Users.Where(u => u.Email == "pages@q.com").OrderBy(u => u.CreatedAt).ToPageAsync(5, token));
        await using var noKey = CreateContext();
        await Assert.ThrowsAsync<ArgumentException>(() => noKey.Users.Where(u => u.Email == "pages@q.com").OrderBy(u => u.CreatedAt).ToPageAsync(5, token));
        var tampered = token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..];
        await Assert.ThrowsAsync<ArgumentException>(() => query.ToPageAsync(5, tampered));
        Assert.Throws<ArgumentException>(() => new DbContextOptionsBuilder().UseDynamoDb(d => d.ContinuationTokenKey(new byte[8])));
    }

    [Fact]
    public async Task With_Data_Protection_registered_tokens_are_protected_by_the_applications_keys()
    {
        ShopContext AppContext(IDataProtectionProvider protection)
        {
            var services = new ServiceCollection().AddSingleton(protection).BuildServiceProvider();
            return new ShopContext(TestDb.Options<ShopContext>(Prefix, configureContext: o => o.UseApplicationServiceProvider(services)));
        }

        var protection = new EphemeralDataProtectionProvider();
        await using var context = AppContext(protection);
        var query = context.Users.Where(u => u.Email == "pages@q.com").OrderBy(u => u.CreatedAt);
        var first = await query.ToPageAsync(5, null);
        var token = first.ContinuationToken!;

        Assert.StartsWith("d.", token);
        Assert.DoesNotContain("pages", token);
        Assert.True((await query.ToPageAsync(5, token)).Values[0].CreatedAt > first.Values[^1].CreatedAt);

        await using var otherApp = AppContext(new EphemeralDataProtectionProvider());
        await Assert.ThrowsAsync<ArgumentException>(
            () => otherApp.Users.Where(u => u.Email == "pages@q.com").OrderBy(u => u.CreatedAt).ToPageAsync(5, token));
    }

    [Fact]
    public async Task Results_spanning_several_1MB_pages_stream_completely()
    {
        await using (var context = CreateContext())
        {
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
            var big = new string('x', 200_000);
            for (var i = 0; i < 12; i++)
            {
                context.Users.Add(new User { Email = "big@q.com", CreatedAt = Start.AddMinutes(i), FirstName = big, Age = i });
            }

            await context.SaveChangesAsync();
        }

        await using (var context = CreateContext())
        {
            var count = 0;
            await foreach (var user in context.Users.Where(u => u.Email == "big@q.com").AsAsyncEnumerable())
            {
                Assert.Equal(200_000, user.FirstName!.Length);
                count++;
            }

            Assert.Equal(12, count);
            var queries = Log.MessagesOf(DynamoDbEventId.ExecutedQuery).Count();
            Assert.True(queries >= 2, $"the 2.4 MB partition should take more than one 1 MB page, not {queries}");
            Assert.Equal(12, await context.Users.CountAsync(u => u.Email == "big@q.com"));
        }
    }

    public record UserKey(string Email, DateTime CreatedAt);

    [Fact]
    public async Task A_list_of_key_pairs_is_read_with_BatchGetItem()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;
        var keys = new List<UserKey> { new("pages@q.com", Start.AddHours(5)), new("other@q.com", Start), new("pages@q.com", Start.AddHours(99)) };

        var users = await context.Users.Where(u => keys.Any(k => k.Email == u.Email && k.CreatedAt == u.CreatedAt)).ToListAsync();
        var hours = new[] { Start.AddHours(1), Start.AddHours(2) };
        var two = await context.Users.Where(u => u.Email == "pages@q.com" && hours.Contains(u.CreatedAt)).Select(u => u.Age).ToListAsync();

        Assert.Equal([5, 100], users.Select(u => u.Age));
        Assert.Equal([1, 2], two);
        Assert.Equal(["BatchGetItem", "BatchGetItem"], transport.Operations);
    }
}
