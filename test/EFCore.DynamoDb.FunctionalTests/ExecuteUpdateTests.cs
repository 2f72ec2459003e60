using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests;

public class ExecuteUpdateTests : DynamoDbTestBase<ShopContext>
{
    private static readonly DateTime CreatedAt = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    protected override ShopContext CreateContext(DbContextOptions<ShopContext> options) => new(options);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var context = CreateContext();
        for (var i = 0; i < 6; i++)
        {
            context.Users.Add(new User { Email = "team@x.com", CreatedAt = CreatedAt.AddDays(i), Age = 20 + i, FirstName = "F" + i });
        }

        context.Users.Add(new User { Email = "counter@x.com", CreatedAt = CreatedAt, Visits = null });
        await context.SaveChangesAsync();
    }

    [Fact]
    public async Task Twenty_concurrent_increments_of_an_atomic_counter_give_exactly_twenty()
    {
        var transport = new FaultInjectingHttpClientFactory((_, _) => Fault.None, recordBodies: true);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            await using var context = CreateContext(d => d.ConfigureClient(c => c.HttpClientFactory = transport));
            var changed = await context.Users
                .Where(u => u.Email == "counter@x.com" && u.CreatedAt == CreatedAt)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.Visits, u => u.Visits + 1));
            Assert.Equal(1, changed);
        }));

        await using var check = CreateContext();
        Assert.Equal(20, (await check.Users.FindAsync("counter@x.com", CreatedAt))!.Visits);
        var update = Log.MessagesOf(DynamoDbEventId.ExecutedUpdateItem).First();
        Assert.Contains("UpdateExpression: SET #Visits = if_not_exists(#Visits, :v0) + :v1", update);
        Assert.Equal(Enumerable.Repeat("UpdateItem", 20), transport.Operations);
    }

    [Fact]
    public async Task Full_key_update_applies_the_other_conditions_and_counts_changed_items()
    {
        await using var context = CreateContext();
        var name = "Renamed";
        Assert.Equal(1, await context.Users.Where(u => u.Email == "team@x.com" && u.CreatedAt == CreatedAt && u.Age == 20)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.FirstName, name).SetProperty(u => u.LastName, (string?)null)));
        Assert.Equal(0, await context.Users.Where(u => u.Email == "team@x.com" && u.CreatedAt == CreatedAt && u.Age == 99)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.FirstName, "Nope")));
        Assert.Equal(0, context.Users.Where(u => u.Email == "nobody@x.com" && u.CreatedAt == CreatedAt).ExecuteUpdate(s => s.SetProperty(u => u.Age, 1)));

        await using var check = CreateContext();
        Assert.Equal("Renamed", (await check.Users.FindAsync("team@x.com", CreatedAt))!.FirstName);
        Assert.Null(await check.Users.FindAsync("nobody@x.com", CreatedAt));
    }

    [Fact]
    public async Task Partition_updates_and_deletes_read_keys_then_write_each_item()
    {
        await using var context = CreateContext();
        Assert.Equal(3, await context.Users.Where(u => u.Email == "team@x.com" && u.Age >= 23).ExecuteUpdateAsync(s => s.SetProperty(u => u.Age, u => u.Age - 10)));
        Assert.Equal(3, await context.Users.Where(u => u.Email == "team@x.com" && u.Age <= 15).ExecuteDeleteAsync());

        await using var check = CreateContext();
        Assert.Equal([20, 21, 22], (await check.Users.Where(u => u.Email == "team@x.com").ToListAsync()).Select(u => u.Age).Order());
    }

    [Fact]
    public async Task Setters_DynamoDB_cannot_express_are_refused()
    {
        await using var context = CreateContext();
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.Users.Where(u => u.Email == "team@x.com")
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Age, u => u.Visits ?? 0)));
        Assert.Contains("cannot be translated", exception.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => context.Users.Where(u => u.Email == "team@x.com")
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, "other")));
    }

    [Fact]
    public async Task SaveChanges_and_ExecuteUpdate_write_the_same_update_expression_for_the_same_change()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;
        var user = await context.Users.SingleAsync(u => u.Email == "team@x.com" && u.CreatedAt == CreatedAt.AddDays(1));
        user.Age = 99;
        user.FirstName = null;
        transport.Clear();
        await context.SaveChangesAsync();
        var saved = UpdateExpressionOf(Assert.Single(transport.Requests));

        transport.Clear();
        await context.Users.Where(u => u.Email == "team@x.com" && u.CreatedAt == CreatedAt.AddDays(2))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Age, 99).SetProperty(u => u.FirstName, (string?)null));
        var executed = UpdateExpressionOf(Assert.Single(transport.Requests));

        Assert.Equal("SET #Age = :v0 REMOVE #first_name", saved);
        Assert.Equal(saved, executed);
    }

    private static string UpdateExpressionOf((string Operation, string Body) request)
    {
        Assert.Equal("UpdateItem", request.Operation);
        return (string)System.Text.Json.Nodes.JsonNode.Parse(request.Body)!["UpdateExpression"]!;
    }
}
