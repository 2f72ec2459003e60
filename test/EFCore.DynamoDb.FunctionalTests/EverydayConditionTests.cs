using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests;

/// <summary>Conditions and behaviours EF Core users rely on every day, checked against LINQ to Objects over the same users.</summary>
public class EverydayConditionTests : DynamoDbTestBase<ShopContext>
{
    private static readonly DateTime Day = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly User[] Users =
    [
        new() { Email = "p@x.com", CreatedAt = Day, Age = 5, Visits = 3, FirstName = "Ann", LastName = "Ann" },
        new() { Email = "p@x.com", CreatedAt = Day.AddDays(1), Age = 2, Visits = 7, FirstName = "", LastName = "Bo" },
        new() { Email = "p@x.com", CreatedAt = Day.AddDays(2), Age = 4, Visits = null, FirstName = null, LastName = null },
        new() { Email = "p@x.com", CreatedAt = Day.AddDays(3), Age = 9, Visits = 9, FirstName = "Cy", LastName = null },
    ];

    protected override ShopContext CreateContext(DbContextOptions<ShopContext> options) => new(options);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AddAndSaveAsync(Users.Select(u => (object)new User
        {
            Email = u.Email, CreatedAt = u.CreatedAt, Age = u.Age, Visits = u.Visits, FirstName = u.FirstName, LastName = u.LastName,
        }).ToArray());
    }

    public static TheoryData<string> Shapes =>
        ["HasValue", "NotHasValue", "Value", "IsNullOrEmpty", "AttributeGreater", "AttributeEqual", "AttributeNotEqual", "Coalesce", "CoalesceOther", "NotCoalesce", "Anonymous", "NotAnonymous",
            "EqualsBoxed", "CoalesceWidened", "NullableAgainstLong", "CharStartsWith"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Everyday_conditions_match_LINQ_to_Objects(string shape)
    {
        System.Linq.Expressions.Expression<Func<User, bool>> condition = shape switch
        {
            "HasValue" => u => u.Visits.HasValue,
            "NotHasValue" => u => !u.Visits.HasValue,
            "Value" => u => u.Visits.HasValue && u.Visits.Value > 5,
            "IsNullOrEmpty" => u => string.IsNullOrEmpty(u.FirstName),
            "AttributeGreater" => u => u.Age > u.Visits,
            "AttributeEqual" => u => u.FirstName == u.LastName,
            "Coalesce" => u => (u.FirstName ?? "none") == "none",
            "CoalesceOther" => u => (u.LastName ?? "none") == "Bo",
            "NotCoalesce" => u => (u.FirstName ?? "none") != "none",
            "Anonymous" => u => new { u.Age, u.FirstName } == new { Age = 9, FirstName = (string?)"Cy" },
            "NotAnonymous" => u => new { u.Age, u.FirstName } != new { Age = 9, FirstName = (string?)"Cy" },
            "EqualsBoxed" => u => u.Age.Equals(u.Visits),
            "CoalesceWidened" => u => (u.Visits ?? 0) == 7L,
            "NullableAgainstLong" => u => u.Visits == 9L,
            "CharStartsWith" => u => u.LastName != null && u.LastName.StartsWith('B'),
            _ => u => u.FirstName != u.LastName,
        };
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;

        var found = await context.Users.Where(u => u.Email == "p@x.com").Where(condition).Select(u => u.CreatedAt).ToListAsync();

        // EF Core compares anonymous objects member by member (LINQ to Objects' == would compare references).
        Func<User, bool> expected = shape switch
        {
            "Anonymous" => u => u.Age == 9 && u.FirstName == "Cy",
            "NotAnonymous" => u => !(u.Age == 9 && u.FirstName == "Cy"),
            _ => condition.Compile(),
        };
        Assert.Equal(Users.Where(expected).Select(u => u.CreatedAt), found);
        Assert.Equal(["Query"], transport.Operations);
    }

    [Fact]
    public async Task Sum_Min_Max_and_Average_read_one_attribute_and_match_LINQ_to_Objects()
    {
        var (context, transport) = CreateRecordingContext(d => d.ScanBehavior(DynamoDbScanBehavior.Throw));
        await using var _ = context;
        var partition = context.Users.Where(u => u.Email == "p@x.com");

        Assert.Equal(Users.Sum(u => u.Age), await partition.SumAsync(u => u.Age));
        Assert.Equal(Users.Min(u => u.Age), await partition.MinAsync(u => u.Age));
        Assert.Equal(Users.Max(u => u.Age), partition.Max(u => u.Age));
        Assert.Equal(Users.Average(u => u.Age), await partition.AverageAsync(u => u.Age));
        Assert.Equal(Users.Sum(u => u.Visits), await partition.SumAsync(u => u.Visits));
        Assert.Equal(Users.Max(u => u.Visits), await partition.Select(u => u.Visits).MaxAsync());
        Assert.Equal(Users.Where(u => u.Age > 3).Average(u => (double)u.Age), await partition.Where(u => u.Age > 3).AverageAsync(u => (double)u.Age));

        Assert.Equal(7, transport.Requests.Count);
        Assert.All(transport.Requests, r =>
        {
            Assert.Equal("Query", r.Operation);
            Assert.Contains("\"ProjectionExpression\"", r.Body);
        });

        // The values combined on the client are counted in a debug log, synchronously (streamed) and asynchronously.
        var aggregated = Log.MessagesOf(DynamoDbEventId.ValuesAggregated).ToList();
        Assert.Equal(7, aggregated.Count);
        Assert.Equal("Sum combined 4 values of 'Age' read from DynamoDB on the client.", aggregated[0]);
        Assert.Equal("Max combined 4 values of 'Age' read from DynamoDB on the client.", aggregated[2]);
        Assert.Equal("Average combined 3 values of 'Age' read from DynamoDB on the client.", aggregated[6]);

        var empty = context.Users.Where(u => u.Email == "nobody@x.com");
        Assert.Equal(0, await empty.SumAsync(u => u.Age));
        Assert.Null(await empty.MaxAsync(u => u.Visits));
        var none = await Assert.ThrowsAsync<InvalidOperationException>(() => empty.MaxAsync(u => u.Age));
        Assert.Contains("no elements", none.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => context.Users.SumAsync(u => u.Age));
        Assert.Equal(4 * 5, await context.Users.AllowScan().SumAsync(u => 5));
    }

    [Fact]
    public async Task Alternatives_of_a_key_are_read_by_key_and_entities_compare_by_their_keys()
    {
        var (context, transport) = CreateRecordingContext(d => d.ScanBehavior(DynamoDbScanBehavior.Throw));
        await using var _ = context;

        var two = await context.Users
            .Where(u => u.Email == "p@x.com" && (u.CreatedAt == Day || u.CreatedAt == Day.AddDays(3) || u.CreatedAt == Day.AddDays(9)))
            .Select(u => u.Age).ToListAsync();
        Assert.Equal([5, 9], two);
        Assert.Equal(["BatchGetItem"], transport.Operations);

        transport.Clear();
        Assert.Equal(4, await context.Users.CountAsync(u => u.Email == "p@x.com" || u.Email == "q@x.com"));
        Assert.Equal(["Query", "Query"], transport.Operations);

        transport.Clear();
        var known = Users[1];
        var same = await context.Users.AsNoTracking().SingleAsync(u => u == known);
        Assert.Equal(known.Age, same.Age);
        Assert.Equal(["GetItem"], transport.Operations);
        User? nobody = null;
        Assert.Empty(await context.Users.Where(u => u == nobody).ToListAsync());
        Assert.Empty(await context.Users.Where(u => u == null).ToListAsync());
        Assert.Equal(3, await context.Users.AllowScan().CountAsync(u => u != known));

        transport.Clear();
        Assert.Equal(known.Age, (await context.Users.AsNoTracking().SingleAsync(u => u.Equals(known))).Age);
        Assert.Equal(4, await context.Users.CountAsync(u => u.Email == "p@x.com" && u != null));
        Assert.Equal(["GetItem", "Query"], transport.Operations);
    }

    [Fact]
    public async Task Half_open_sort_key_windows_are_one_Query_with_the_excluded_bound_dropped()
    {
        var (context, transport) = CreateRecordingContext(d => d.ScanBehavior(DynamoDbScanBehavior.Throw));
        await using var _ = context;
        var partition = context.Users.Where(u => u.Email == "p@x.com");
        var (from, to) = (Day.AddDays(1), Day.AddDays(3));

        Assert.Equal([2, 4], await partition.Where(u => u.CreatedAt >= from && u.CreatedAt < to).Select(u => u.Age).ToListAsync());
        Assert.Equal([2, 4], await partition.Where(u => u.CreatedAt > Day && u.CreatedAt <= Day.AddDays(2)).Select(u => u.Age).ToListAsync());
        Assert.Equal([4, 2], await partition.Where(u => u.CreatedAt > Day && u.CreatedAt < to).OrderByDescending(u => u.CreatedAt).Select(u => u.Age).ToListAsync());
        Assert.Equal(2, await partition.CountAsync(u => u.CreatedAt >= from && u.CreatedAt < to));
        Assert.Equal(2, (await partition.Where(u => u.CreatedAt > Day && u.CreatedAt < Day.AddDays(9)).Take(1).SingleAsync()).Age);
        Assert.All(transport.Requests, r =>
        {
            Assert.Equal("Query", r.Operation);
            Assert.Contains("BETWEEN", r.Body);
        });

        transport.Clear();
        Assert.Empty(await partition.Where(u => u.CreatedAt > to && u.CreatedAt < to).ToListAsync());
        Assert.Empty(await partition.Where(u => u.CreatedAt >= to && u.CreatedAt <= from).ToListAsync());
        Assert.Empty(transport.Requests);
    }

    [Fact]
    public async Task GetDatabaseValues_and_Reload_read_the_stored_item_by_key()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;
        var user = await context.Users.SingleAsync(u => u.Email == "p@x.com" && u.CreatedAt == Day);
        await using (var other = CreateContext())
        {
            await other.Users.Where(u => u.Email == "p@x.com" && u.CreatedAt == Day).ExecuteUpdateAsync(s => s.SetProperty(u => u.Age, 50));
        }

        transport.Clear();
        Assert.Equal(50, (await context.Entry(user).GetDatabaseValuesAsync())!.GetValue<int>(nameof(User.Age)));
        Assert.Equal(50, context.Entry(user).GetDatabaseValues()!.GetValue<int>(nameof(User.Age)));
        Assert.Equal(5, user.Age);
        await context.Entry(user).ReloadAsync();
        Assert.Equal(50, user.Age);
        Assert.All(transport.Operations, o => Assert.Equal("GetItem", o));
        Assert.Equal(3, transport.Operations.Count);
    }

    [Fact]
    public async Task A_false_condition_sends_no_request_and_a_true_one_adds_nothing()
    {
        var (context, transport) = CreateRecordingContext(d => d.ScanBehavior(DynamoDbScanBehavior.Throw));
        await using var _ = context;
        var everyone = false;

        Assert.Empty(await context.Users.Where(u => false).ToListAsync());
        Assert.Equal(0, await context.Users.CountAsync(u => everyone));
        Assert.Equal(0, await context.Users.Where(u => everyone && u.Email == "p@x.com").ExecuteUpdateAsync(s => s.SetProperty(u => u.Age, 0)));
        Assert.Empty(transport.Requests);

        everyone = true;
        Assert.Equal(4, await context.Users.CountAsync(u => everyone && u.Email == "p@x.com"));
        Assert.Equal(4, await context.Users.Where(u => true).CountAsync(u => u.Email == "p@x.com"));
        Assert.All(transport.Requests, r => Assert.Equal("Query", r.Operation));
    }

    [Fact]
    public async Task The_request_sent_is_exactly_what_the_query_asks()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;
        var since = Day;

        var ages = await context.Users
            .Where(u => u.Email == "p@x.com" && u.CreatedAt > since && (u.LastName ?? "none") != "none")
            .OrderByDescending(u => u.CreatedAt)
            .Select(u => u.Age)
            .Take(2)
            .ToListAsync();

        Assert.Equal(Users.Where(u => u.CreatedAt > since && (u.LastName ?? "none") != "none").OrderByDescending(u => u.CreatedAt).Select(u => u.Age).Take(2), ages);
        var request = System.Text.Json.Nodes.JsonNode.Parse(Assert.Single(transport.Requests).Body)!.AsObject();
        string[] members =
        [
            "ExpressionAttributeNames", "ExpressionAttributeValues", "FilterExpression", "KeyConditionExpression",
            "ProjectionExpression", "ReturnConsumedCapacity", "ScanIndexForward", "TableName",
        ];
        Assert.Equal(members, request.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(Prefix + "users", (string?)request["TableName"]);
        Assert.Equal("#Email = :v0 AND #CreatedAt > :v1", (string?)request["KeyConditionExpression"]);
        Assert.Equal(
            "((attribute_exists(#LastName) AND NOT attribute_type(#LastName, :v2)) AND (attribute_not_exists(#LastName) OR #LastName <> :v3))",
            (string?)request["FilterExpression"]);
        Assert.Equal("#Age", (string?)request["ProjectionExpression"]);
        Assert.Equal("""{"#Email":"Email","#CreatedAt":"CreatedAt","#LastName":"LastName","#Age":"Age"}""", request["ExpressionAttributeNames"]!.ToJsonString());
        Assert.Equal("""{":v0":{"S":"p@x.com"},":v1":{"S":"2026-01-01T00:00:00.0000000Z"},":v2":{"S":"NULL"},":v3":{"S":"none"}}""", request["ExpressionAttributeValues"]!.ToJsonString());
        Assert.False((bool)request["ScanIndexForward"]!);
        Assert.Null(request["Limit"]); // a filter: DynamoDB's Limit would count items before it
    }

    [Fact]
    public async Task Attributes_that_hold_NULL_are_null_as_absent_ones_are()
    {
        // Another writer stored NULL-typed attributes (SaveChanges leaves null properties out instead).
        await AddAndSaveAsync(new User { Email = "n@x.com", CreatedAt = Day, Age = 1, FirstName = "x", LastName = "y", Visits = 2 });
        using (var raw = TestDb.RawClient())
        {
            var stored = (await raw.QueryAsync(new Amazon.DynamoDBv2.Model.QueryRequest
            {
                TableName = Prefix + "users",
                KeyConditionExpression = "Email = :e",
                ExpressionAttributeValues = new() { [":e"] = new() { S = "n@x.com" } },
            })).Items.Single();
            await raw.UpdateItemAsync(new Amazon.DynamoDBv2.Model.UpdateItemRequest
            {
                TableName = Prefix + "users",
                Key = new() { ["Email"] = stored["Email"], ["CreatedAt"] = stored["CreatedAt"] },
                UpdateExpression = "SET first_name = :null, LastName = :null, Visits = :null",
                ExpressionAttributeValues = new() { [":null"] = new() { NULL = true } },
            });
        }

        await using var context = CreateContext();
        var user = context.Users.Where(u => u.Email == "n@x.com");
        Assert.Equal(1, await user.CountAsync(u => u.FirstName == null));
        Assert.Equal(0, await user.CountAsync(u => u.FirstName != null));
        Assert.Equal(0, await user.CountAsync(u => u.Visits.HasValue));
        Assert.Equal(1, await user.CountAsync(u => string.IsNullOrEmpty(u.FirstName)));
        Assert.Equal(1, await user.CountAsync(u => (u.FirstName ?? "none") == "none"));
        Assert.Equal(1, await user.CountAsync(u => (u.FirstName ?? u.LastName) == null));
        Assert.Equal(1, await user.CountAsync(u => u.FirstName == u.LastName));
        Assert.Equal(1, await user.CountAsync(u => u.Visits != 3));
        Assert.Equal(0, await user.CountAsync(u => u.Visits < 3));
        var read = await user.SingleAsync();
        Assert.Null(read.FirstName);
        Assert.Null(read.Visits);
    }

    [Fact]
    public async Task A_canceled_query_throws_OperationCanceledException_and_logs_QueryCanceled()
    {
        await using var context = CreateContext();
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        var list = await Assert.ThrowsAsync<OperationCanceledException>(() => context.Users.Where(u => u.Email == "p@x.com").ToListAsync(canceled.Token));
        var count = await Assert.ThrowsAsync<OperationCanceledException>(() => context.Users.CountAsync(u => u.Email == "p@x.com", canceled.Token));
        var update = await Assert.ThrowsAsync<OperationCanceledException>(
            () => context.Users.Where(u => u.Email == "p@x.com").ExecuteUpdateAsync(s => s.SetProperty(u => u.Visits, 1), canceled.Token));
        var delete = await Assert.ThrowsAsync<OperationCanceledException>(
            () => context.Users.Where(u => u.Email == "p@x.com" && u.CreatedAt == Day).ExecuteDeleteAsync(canceled.Token));

        Assert.All(new[] { list, count, update, delete }, e => Assert.Equal(canceled.Token, e.CancellationToken));
        Assert.Equal(4, Log.Messages.Count(m => m.EventId.Id == CoreEventId.QueryCanceled.Id));
        Assert.Equal(Users.Length, await context.Users.CountAsync(u => u.Email == "p@x.com" && u.Visits != 1));
        Assert.DoesNotContain(Log.Messages, m => m.EventId.Id == CoreEventId.QueryIterationFailed.Id);
    }

    [Fact]
    public async Task A_second_operation_on_a_context_while_one_runs_is_refused_as_EF_Core_does()
    {
        // The first query is held in flight (inside its request) until the second has been tried.
        var holding = new HoldingInterceptor();
        await using var context = CreateContext(TestDb.Options<ShopContext>(Prefix, configureContext: o => o.AddInterceptors(holding)));
        var reading = context.Users.Where(u => u.Email == "p@x.com").ToListAsync();
        await holding.Sending.Task;

        var partition = context.Users.Where(u => u.Email == "p@x.com");
        var refused = new List<InvalidOperationException>
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => partition.CountAsync()),
            await Assert.ThrowsAsync<InvalidOperationException>(() => partition.AnyAsync(u => u.Age > 3)),
            await Assert.ThrowsAsync<InvalidOperationException>(() => partition.FirstAsync()),
            await Assert.ThrowsAsync<InvalidOperationException>(() => partition.SumAsync(u => u.Age)),
            await Assert.ThrowsAsync<InvalidOperationException>(() => partition.OrderBy(u => u.CreatedAt).ToPageAsync(2, null)),
            await Assert.ThrowsAsync<InvalidOperationException>(() => partition.ExecuteUpdateAsync(s => s.SetProperty(u => u.Visits, 0))),
        };
        holding.Release.SetResult();

        Assert.All(refused, e => Assert.Contains("A second operation was started on this context", e.Message));
        Assert.Equal(4, (await reading).Count);
    }

    /// <summary>Holds the first request it sees until released.</summary>
    private sealed class HoldingInterceptor : IDynamoDbRequestInterceptor
    {
        public TaskCompletionSource Sending { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask RequestSendingAsync(DynamoDbRequestEventData eventData, CancellationToken cancellationToken = default)
        {
            if (Sending.TrySetResult())
            {
                await Release.Task;
            }
        }
    }
}
