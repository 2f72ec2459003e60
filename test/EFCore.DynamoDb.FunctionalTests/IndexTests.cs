using Amazon.DynamoDBv2;
using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests;

public class IndexTests : DynamoDbTestBase<ClubContext>
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    protected override ClubContext CreateContext(DbContextOptions<ClubContext> options) => new(options);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var context = CreateContext();
        string[] lastNames = ["Adams", "Baker", "Clark"];
        for (var i = 0; i < 30; i++)
        {
            context.Members.Add(new Member
            {
                Email = $"m{i % 3}@club.com",
                JoinedAt = Start.AddDays(i),
                LastName = lastNames[i % 3],
                FirstName = "F" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture),
                City = i % 2 == 0 ? "Paris" : "Oslo",
                Age = 20 + i,
                Team = i % 5 == 0 ? "red" : null,
            });
        }

        await context.SaveChangesAsync();
    }

    [Fact]
    public async Task EnsureCreated_provisions_global_and_local_indexes_with_projections()
    {
        using var raw = TestDb.RawClient();
        var table = (await raw.DescribeTableAsync(Prefix + "members")).Table;
        var byLastName = Assert.Single(table.GlobalSecondaryIndexes, i => i.IndexName == "by-last-name");
        Assert.Equal(["LastName HASH", "FirstName RANGE"], byLastName.KeySchema.Select(k => k.AttributeName + " " + k.KeyType.Value));
        Assert.Equal(ProjectionType.INCLUDE, byLastName.Projection.ProjectionType);
        Assert.Equal(["City"], byLastName.Projection.NonKeyAttributes);
        Assert.Equal(ProjectionType.ALL, Assert.Single(table.GlobalSecondaryIndexes, i => i.IndexName == "by-team").Projection.ProjectionType);
        var byAge = Assert.Single(table.LocalSecondaryIndexes);
        Assert.Equal(["Email HASH", "Age RANGE"], byAge.KeySchema.Select(k => k.AttributeName + " " + k.KeyType.Value));
        Assert.Contains(table.AttributeDefinitions, a => a.AttributeName == "Age" && a.AttributeType == ScalarAttributeType.N);
    }

    [Fact]
    public async Task A_query_fixing_a_global_index_partition_key_runs_on_that_index()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;
        var red = await context.Members.Where(m => m.Team == "red").ToListAsync();
        Assert.Equal(6, red.Count);
        var (operation, body) = Assert.Single(transport.Requests);
        Assert.Equal("Query", operation);
        Assert.Contains("\"IndexName\":\"by-team\"", body);
    }

    [Fact]
    public async Task Index_sort_key_conditions_and_ordering_use_the_index()
    {
        await using var context = CreateContext();
        var names = await context.Members
            .Where(m => m.LastName == "Adams" && m.FirstName.StartsWith("F1"))
            .OrderByDescending(m => m.FirstName)
            .Select(m => new { m.FirstName, m.City })
            .ToListAsync();
        Assert.Equal(["F18", "F15", "F12"], names.Select(n => n.FirstName));
        var query = Assert.Single(Log.MessagesOf(DynamoDbEventId.ExecutedQuery));
        Assert.Contains("INDEX by-last-name", query);
        Assert.Contains("KeyConditionExpression: #LastName = :v0 AND begins_with(#FirstName, :v1)", query);
        Assert.Contains("ScanIndexForward: false", query);
    }

    [Fact]
    public async Task A_local_index_is_chosen_for_a_condition_on_its_sort_key()
    {
        await using var context = CreateContext();
        var older = await context.Members.Where(m => m.Email == "m1@club.com" && m.Age > 40).OrderBy(m => m.Age).ToListAsync();
        Assert.Equal([42, 45, 48], older.Select(m => m.Age));
        var query = Assert.Single(Log.MessagesOf(DynamoDbEventId.ExecutedQuery));
        Assert.Contains("INDEX by-age", query);
        Assert.Contains("KeyConditionExpression: #Email = :v0 AND #Age > :v1", query);
    }

    [Fact]
    public async Task Attributes_an_index_lacks_are_read_from_the_table_in_index_order()
    {
        var (recording, transport) = CreateRecordingContext();
        await using (recording)
        {
            var adams = await recording.Members.Where(m => m.LastName == "Adams").OrderByDescending(m => m.FirstName).ToListAsync();
            Assert.Equal(Enumerable.Range(0, 10).Select(i => 47 - 3 * i), adams.Select(m => m.Age));
            Assert.Equal(["Query", "BatchGetItem"], transport.Operations);
            Assert.Contains("\"IndexName\":\"by-last-name\"", transport.Requests.First().Body);
        }

        await using var context = CreateContext();
        var projected = await context.Members.Where(m => m.LastName == "Baker").Select(m => new { m.FirstName, m.Age }).ToListAsync();
        Assert.Equal(10, projected.Count);
        Assert.Contains("ProjectionExpression: #FirstName, #Age", Log.MessagesOf(DynamoDbEventId.ExecutedBatchGetItem).Last());

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Members.WithIndex("by-last-name").Where(m => m.LastName == "Adams" && m.Age > 30).ToListAsync());
        Assert.Contains("by-last-name", exception.Message);
        Assert.Contains("Age", exception.Message);

        var unknown = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Members.WithIndex("nope").Where(m => m.LastName == "Adams").ToListAsync());
        Assert.Contains("'Member' has no secondary index", unknown.Message);
    }

    [Fact]
    public async Task WithIndex_forces_an_index_and_consistent_reads_on_global_indexes_are_refused()
    {
        await using var context = CreateContext();
        var viaIndex = await context.Members.WithIndex("by-age").Where(m => m.Email == "m2@club.com").Select(m => m.Age).ToListAsync();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => 22 + 3 * i), viaIndex);
        Assert.Contains("INDEX by-age", Assert.Single(Log.MessagesOf(DynamoDbEventId.ExecutedQuery)));

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Members.WithConsistentRead().Where(m => m.Team == "red").ToListAsync());
        Assert.Contains("consistent reads", exception.Message);
    }

    [Fact]
    public async Task Index_queries_page_with_continuation_tokens()
    {
        await using var context = CreateContext();
        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await context.Members.Where(m => m.LastName == "Baker").Select(m => new { m.FirstName, m.City }).ToPageAsync(4, token);
            seen.AddRange(page.Values.Select(v => v.FirstName));
            token = page.ContinuationToken;
        }
        while (token != null);

        Assert.Equal(Enumerable.Range(0, 10).Select(i => "F" + (1 + 3 * i).ToString("D2", System.Globalization.CultureInfo.InvariantCulture)), seen);
    }
}
