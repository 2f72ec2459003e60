using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests;

public class TableOptionsTests : DynamoDbTestBase<SessionContext>
{
    protected override SessionContext CreateContext(DbContextOptions<SessionContext> options) => new(options);

    [Fact]
    public async Task EnsureCreated_provisions_capacity_streams_and_time_to_live_once()
    {
        using var raw = TestDb.RawClient();
        var table = (await raw.DescribeTableAsync(Prefix + "Sessions")).Table;
        Assert.Equal(5, table.ProvisionedThroughput.ReadCapacityUnits);
        Assert.Equal(3, table.ProvisionedThroughput.WriteCapacityUnits);
        Assert.Equal(5, Assert.Single(table.GlobalSecondaryIndexes).ProvisionedThroughput.ReadCapacityUnits);
        Assert.True(table.StreamSpecification.StreamEnabled);
        Assert.Equal(StreamViewType.NEW_AND_OLD_IMAGES, table.StreamSpecification.StreamViewType);

        var ttl = (await raw.DescribeTimeToLiveAsync(Prefix + "Sessions")).TimeToLiveDescription;
        Assert.Equal("ExpiresAt", ttl.AttributeName);
        Assert.Equal(TimeToLiveStatus.ENABLED, ttl.TimeToLiveStatus);

        await using var context = CreateContext();
        Assert.False(await context.Database.EnsureCreatedAsync());
        Assert.Single(Log.MessagesOf(DynamoDbEventId.ExecutedUpdateTimeToLive));
    }

    [Fact]
    public async Task Time_to_live_is_stored_as_epoch_seconds_and_reads_back_the_same_instant()
    {
        var expires = new DateTime(2030, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        await using (var context = CreateContext())
        {
            context.Sessions.Add(new Session { Id = "s1", User = "ada", ExpiresAt = expires, RenewedAt = new DateTimeOffset(expires, TimeSpan.Zero) });
            context.Sessions.Add(new Session { Id = "s2", User = "ada", ExpiresAt = expires.AddYears(-10) });
            await context.SaveChangesAsync();
        }

        using var raw = TestDb.RawClient();
        var item = (await raw.GetItemAsync(Prefix + "Sessions", new Dictionary<string, AttributeValue> { ["Id"] = new() { S = "s1" } })).Item;
        Assert.Equal(new DateTimeOffset(expires).ToUnixTimeSeconds().ToString(), item["ExpiresAt"].N);

        await using (var context = CreateContext())
        {
            var session = (await context.Sessions.FindAsync("s1"))!;
            Assert.Equal(expires, session.ExpiresAt);
            Assert.Equal(DateTimeKind.Utc, session.ExpiresAt.Kind);

            var live = await context.Sessions.Where(s => s.User == "ada" && s.ExpiresAt > DateTime.UtcNow).Select(s => s.Id).ToListAsync();
            Assert.Equal(["s1"], live);
        }
    }
}
