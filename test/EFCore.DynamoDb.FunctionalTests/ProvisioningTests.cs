using Amazon.DynamoDBv2;
using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests;

public class ProvisioningTests
{
    [Fact]
    public async Task EnsureCreated_creates_tables_with_their_key_schema_and_EnsureDeleted_removes_them()
    {
        var prefix = TestDb.NewPrefix();
        await using var context = new ShopContext(TestDb.Options<ShopContext>(prefix));
        Assert.True(await context.Database.EnsureCreatedAsync());
        Assert.False(await context.Database.EnsureCreatedAsync());

        using var raw = TestDb.RawClient();
        var users = (await raw.DescribeTableAsync(prefix + "users")).Table;
        Assert.Equal(TableStatus.ACTIVE, users.TableStatus);
        Assert.Equal(["Email HASH", "CreatedAt RANGE"], users.KeySchema.Select(k => k.AttributeName + " " + k.KeyType.Value));
        Assert.Equal(["CreatedAt S", "Email S"], users.AttributeDefinitions.Select(a => a.AttributeName + " " + a.AttributeType.Value).Order());
        Assert.Equal(BillingMode.PAY_PER_REQUEST, users.BillingModeSummary?.BillingMode ?? BillingMode.PAY_PER_REQUEST);

        var orders = (await raw.DescribeTableAsync(prefix + "Orders")).Table;
        Assert.Equal(["Id HASH"], orders.KeySchema.Select(k => k.AttributeName + " " + k.KeyType.Value));

        Assert.True(await context.Database.EnsureDeletedAsync());
        Assert.False(await context.Database.EnsureDeletedAsync());
        var tables = (await raw.ListTablesAsync()).TableNames ?? [];
        Assert.DoesNotContain(prefix + "users", tables);
    }

    [Fact]
    public void Synchronous_EnsureCreated_and_EnsureDeleted_work()
    {
        using var context = new ShopContext(TestDb.Options<ShopContext>(TestDb.NewPrefix()));
        Assert.True(context.Database.EnsureCreated());
        Assert.True(context.Database.EnsureDeleted());
    }

    [Fact]
    public void Table_prefix_that_makes_an_invalid_name_is_refused_before_sending()
    {
        var log = new ListLoggerFactory();
        using var context = new ShopContext(TestDb.Options<ShopContext>("x!", configureContext: o => o.UseLoggerFactory(log)));
        var exception = Assert.Throws<InvalidOperationException>(() => context.Database.EnsureCreated());
        Assert.Contains("'x!", exception.Message);
        Assert.Contains("TableNamePrefix", exception.Message);
        Assert.Empty(log.MessagesOf(Microsoft.EntityFrameworkCore.Diagnostics.DynamoDbEventId.ExecutedCreateTable));
    }

    [Fact]
    public async Task EnsureDeleted_of_tables_that_do_not_exist_returns_false_without_a_warning()
    {
        var log = new ListLoggerFactory();
        var options = TestDb.Options<ShopContext>(TestDb.NewPrefix(), configureContext: o => o
            .UseLoggerFactory(log)
            .ConfigureWarnings(w => w.Throw(Microsoft.EntityFrameworkCore.Diagnostics.DynamoDbEventId.RequestFailed)));
        await using var context = new ShopContext(options);

        Assert.False(await context.Database.EnsureDeletedAsync());
        Assert.DoesNotContain(log.Messages, m => m.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
    }
}
