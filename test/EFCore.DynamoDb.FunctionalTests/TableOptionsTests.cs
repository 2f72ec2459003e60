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
        Assert.Equal(new DateTimeOffset(expires).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), item["ExpiresAt"].N);

        await using (var context = CreateContext())
        {
            var session = (await context.Sessions.FindAsync("s1"))!;
            Assert.Equal(expires, session.ExpiresAt);
            Assert.Equal(DateTimeKind.Utc, session.ExpiresAt.Kind);

            var live = await context.Sessions.Where(s => s.User == "ada" && s.ExpiresAt > DateTime.UtcNow).Select(s => s.Id).ToListAsync();
            Assert.Equal(["s1"], live);
        }
    }

    [Fact]
    public async Task GenerateTableDefinitions_describes_what_EnsureCreated_created()
    {
        await using var context = CreateContext();
        var definitions = System.Text.Json.Nodes.JsonNode.Parse(context.Database.GenerateTableDefinitions())!;
        using var raw = TestDb.RawClient();

        var json = definitions["Tables"]!.AsArray().Single()!;
        var table = (await raw.DescribeTableAsync(json["TableName"]!.GetValue<string>())).Table;
        Assert.Equal(Prefix + "Sessions", table.TableName);
        Assert.Equal(
            table.KeySchema.Select(k => k.AttributeName + " " + k.KeyType.Value),
            json["KeySchema"]!.AsArray().Select(k => k!["AttributeName"] + " " + k["KeyType"]));
        Assert.Equal(
            table.AttributeDefinitions.Select(a => a.AttributeName + " " + a.AttributeType.Value).Order(),
            json["AttributeDefinitions"]!.AsArray().Select(a => a!["AttributeName"] + " " + a["AttributeType"]).Order());
        Assert.Equal("PROVISIONED", json["BillingMode"]!.GetValue<string>());
        Assert.Equal(table.ProvisionedThroughput.ReadCapacityUnits, json["ProvisionedThroughput"]!["ReadCapacityUnits"]!.GetValue<long>());
        var index = Assert.Single(table.GlobalSecondaryIndexes);
        var indexJson = json["GlobalSecondaryIndexes"]!.AsArray().Single()!;
        Assert.Equal(index.IndexName, indexJson["IndexName"]!.GetValue<string>());
        Assert.Equal(index.Projection.ProjectionType.Value, indexJson["Projection"]!["ProjectionType"]!.GetValue<string>());
        Assert.Equal(table.StreamSpecification.StreamViewType.Value, json["StreamSpecification"]!["StreamViewType"]!.GetValue<string>());

        var ttl = definitions["TimeToLive"]!.AsArray().Single()!;
        Assert.Equal(Prefix + "Sessions", ttl["TableName"]!.GetValue<string>());
        Assert.Equal((await raw.DescribeTimeToLiveAsync(Prefix + "Sessions")).TimeToLiveDescription.AttributeName,
            ttl["TimeToLiveSpecification"]!["AttributeName"]!.GetValue<string>());

        // The same JSON is a CreateTable request body, as the AWS CLI sends it (DynamoDB Local checks no signature).
        json["TableName"] = Prefix + "SessionsCopy";
        using var http = new HttpClient();
        HttpResponseMessage response;
        for (var attempt = 1; ; attempt++)
        {
            using var send = new HttpRequestMessage(HttpMethod.Post, DynamoDbTestServer.Endpoint)
            {
                Content = new StringContent(json.ToJsonString(), System.Text.Encoding.UTF8),
            };
            send.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.0");
            send.Headers.Add("X-Amz-Target", "DynamoDB_20120810.CreateTable");
            send.Headers.TryAddWithoutValidation(
                "Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0");
            response = await http.SendAsync(send);

            // Like the AWS CLI, retry a server error (DynamoDB Local answers InternalFailure now and then under load).
            if ((int)response.StatusCode < 500 || attempt == 3)
            {
                break;
            }

            response.Dispose();
            await Task.Delay(200 * attempt);
        }

        using var _ = response;
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var created = (await raw.DescribeTableAsync(Prefix + "SessionsCopy")).Table;
        for (var wait = 0; created.TableStatus != TableStatus.ACTIVE && wait < 100; wait++)
        {
            await Task.Delay(100);
            created = (await raw.DescribeTableAsync(Prefix + "SessionsCopy")).Table;
        }

        Assert.Equal(table.KeySchema.Select(k => k.AttributeName), created.KeySchema.Select(k => k.AttributeName));
        Assert.Equal(index.IndexName, Assert.Single(created.GlobalSecondaryIndexes).IndexName);
        await raw.DeleteTableAsync(Prefix + "SessionsCopy");
    }
}
