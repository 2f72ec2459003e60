using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Tests;

/// <summary>Each LINQ shape's request, as ToQueryString prints it: no server involved.</summary>
public class QueryTranslationTests
{
    private static readonly DateTime Since = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The request(s) a query over readings sends, as ToQueryString prints them.</summary>
    internal static string Text(Func<ReadingContext, IQueryable<Reading>> query, string prefix = "")
    {
        using var context = new ReadingContext(prefix);
        return query(context).ToQueryString().ReplaceLineEndings("\n");
    }

    [Fact]
    public void Full_key_equality_is_GetItem()
        => Assert.Equal(
            """
            GetItem Readings
              Key: { Device: S:"d1", Time: S:"2026-01-01T00:00:00.0000000Z" }
            """,
            Text(c => c.Readings.Where(r => r.Device == "d1" && r.Time == Since)));

    [Fact]
    public void Partition_key_equality_is_Query_with_sort_key_condition_and_filter()
    {
        var device = "d1";
        Assert.Equal(
            """
            Query Readings
              KeyConditionExpression: #Device = :v0 AND #Time > :v1
              FilterExpression: #Value >= :v2
              ExpressionAttributeNames: #Device=Device, #Time=Time, #Value=Value
              ExpressionAttributeValues: { :v0: S:"d1", :v1: S:"2026-01-01T00:00:00.0000000Z", :v2: N:2.5 }
            """,
            Text(c => c.Readings.Where(r => r.Device == device && r.Time > Since && r.Value >= 2.5)));
    }

    [Fact]
    public void Ordering_and_take_set_direction_and_limit()
        => Assert.Equal(
            """
            Query Readings
              KeyConditionExpression: #Device = :v0
              ExpressionAttributeNames: #Device=Device
              ExpressionAttributeValues: { :v0: S:"d1" }
              Limit: 10
              ScanIndexForward: false
            """,
            Text(c => c.Readings.Where(r => r.Device == "d1").OrderByDescending(r => r.Time).Take(10)));

    [Fact]
    public void Unfixed_partition_is_Scan_with_filter_and_null_semantics()
        => Assert.Equal(
            """
            Scan Readings
              FilterExpression: ((#Name = :v0 OR (attribute_not_exists(#Status) OR attribute_type(#Status, :v1))) AND (attribute_not_exists(#Count) OR #Count <> :v2))
              ExpressionAttributeNames: #Name=Name, #Status=Status, #Count=Count
              ExpressionAttributeValues: { :v0: S:"x", :v1: S:"NULL", :v2: N:3 }
            """,
            Text(c => c.Readings.Where(r => (r.Name == "x" || r.Status == null) && r.Count != 3)));

    [Fact]
    public void Enum_bool_and_negation_translate_to_attribute_values()
        => Assert.Equal(
            """
            Scan Readings
              FilterExpression: ((#Level = :v0 AND #Active = :v1) AND (NOT #Value < :v2))
              ExpressionAttributeNames: #Level=Level, #Active=Active, #Value=Value
              ExpressionAttributeValues: { :v0: N:1, :v1: BOOL:true, :v2: N:1 }
            """,
            Text(c => c.Readings.Where(r => r.Level == Level.High && r.Active && !(r.Value < 1))));

    [Fact]
    public void Projection_reads_only_the_needed_attributes()
        => Assert.Equal(
            """
            Query Readings
              KeyConditionExpression: #Device = :v0
              ProjectionExpression: #Name, #Value
              ExpressionAttributeNames: #Device=Device, #Name=Name, #Value=Value
              ExpressionAttributeValues: { :v0: S:"d1" }
            """,
            Text(c => c.Readings.Where(r => r.Device == "d1").Select(r => new Reading { Name = r.Name, Value = r.Value * 2 })));

    [Fact]
    public void StartsWith_on_the_sort_key_is_a_key_condition_and_elsewhere_a_filter_function()
    {
        using var context = new ModelContext(b => b.Entity<Account>(e =>
        {
            e.HasPartitionKey(a => a.Region);
            e.HasSortKey(a => a.Email);
        }));
        Assert.Equal(
            """
            Query Account
              KeyConditionExpression: #Region = :v0 AND begins_with(#Email, :v1)
              ExpressionAttributeNames: #Region=Region, #Email=Email
              ExpressionAttributeValues: { :v0: S:"eu", :v1: S:"ada" }
            """,
            context.Set<Account>().Where(a => a.Region == "eu" && a.Email.StartsWith("ada")).ToQueryString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Collection_Contains_is_IN_with_one_value_per_element()
    {
        var names = new List<string?> { "a", "b", null };
        Assert.Equal(
            """
            Scan Readings
              FilterExpression: ((#Name IN (:v0, :v1) OR (attribute_not_exists(#Name) OR attribute_type(#Name, :v2))) AND contains(#Status, :v3))
              ExpressionAttributeNames: #Name=Name, #Status=Status
              ExpressionAttributeValues: { :v0: S:"a", :v1: S:"b", :v2: S:"NULL", :v3: S:"ok" }
            """,
            Text(c => c.Readings.Where(r => names.Contains(r.Name) && r.Status!.Contains("ok"))));
    }

    [Fact]
    public void Partition_key_IN_is_one_request_per_distinct_value()
    {
        var devices = new[] { "d1", "d2", "d1" };
        Assert.Equal(
            """
            Query Readings
              KeyConditionExpression: #Device = :v0
              FilterExpression: #Count > :v1
              ExpressionAttributeNames: #Device=Device, #Count=Count
              ExpressionAttributeValues: { :v0: S:"d1", :v1: N:2 }

            Query Readings
              KeyConditionExpression: #Device = :v0
              FilterExpression: #Count > :v1
              ExpressionAttributeNames: #Device=Device, #Count=Count
              ExpressionAttributeValues: { :v0: S:"d2", :v1: N:2 }
            """,
            Text(c => c.Readings.Where(r => devices.Contains(r.Device) && r.Count > 2)));
    }

    [Fact]
    public void Client_values_like_UtcNow_are_evaluated_on_every_execution()
    {
        using var context = new ReadingContext();
        var query = context.Readings.Where(r => r.Device == "d" && r.Time > DateTime.UtcNow);
        var first = query.ToQueryString();
        Thread.Sleep(20);
        Assert.NotEqual(first, query.ToQueryString());
    }

    [Fact]
    public void Aliases_never_collide()
    {
        var writer = new EFCore.DynamoDb.Storage.DynamoDbExpressionWriter();
        var aliases = new[] { "n0", "n", "a-b", "c-d", "n1" }.Select(writer.Name).ToList();
        Assert.Equal(aliases.Count, aliases.Distinct().Count());
        Assert.Equal(["n0", "n", "a-b", "c-d", "n1"], aliases.Select(a => writer.Names[a]));
    }

    [Fact]
    public void Table_prefix_is_applied_to_requests()
        => Assert.StartsWith("Scan test-Readings", Text(c => c.Readings, "test-"));

    [Fact]
    public void Invalid_table_name_from_prefix_is_refused_before_sending()
    {
        using var context = new ReadingContext("bad prefix!");
        var exception = Assert.Throws<InvalidOperationException>(() => context.Readings.ToQueryString());
        Assert.Contains("'bad prefix!Readings'", exception.Message);
    }

    [Theory]
    [InlineData("GroupBy")]
    [InlineData("Join")]
    [InlineData("OrderByNonKey")]
    [InlineData("EndsWith")]
    [InlineData("WhereAfterTake")]
    [InlineData("OrderByAfterSkip")]
    [InlineData("ThenBy")]
    [InlineData("ToLower")]
    [InlineData("Last")]
    [InlineData("Distinct")]
    [InlineData("IgnoreCase")]
    [InlineData("StartsWithIgnoreCase")]
    [InlineData("DatePart")]
    [InlineData("Arithmetic")]
    public void Unsupported_LINQ_throws_naming_the_problem(string shape)
    {
        using var context = new ReadingContext();
        var readings = context.Readings;
        Action query = shape switch
        {
            "GroupBy" => () => readings.GroupBy(r => r.Device).Select(g => g.Key).ToList(),
            "Join" => () => readings.Join(readings, a => a.Device, b => b.Name, (a, b) => a).ToList(),
            "OrderByNonKey" => () => readings.Where(r => r.Device == "d").OrderBy(r => r.Value).ToList(),
            "EndsWith" => () => readings.Where(r => r.Device.EndsWith("x")).ToList(),
            "WhereAfterTake" => () => readings.Take(3).Where(r => r.Device == "d").ToList(),
            "OrderByAfterSkip" => () => readings.Where(r => r.Device == "d").Skip(2).OrderBy(r => r.Time).ToList(),
            "ThenBy" => () => readings.Where(r => r.Device == "d").OrderBy(r => r.Time).ThenBy(r => r.Value).ToList(),
            "ToLower" => () => readings.Where(r => r.Device.ToLower() == "d").ToList(),
            "Last" => () => readings.Last(),
            "IgnoreCase" => () => readings.Where(r => r.Device == "d" && string.Equals(r.Name, "x", StringComparison.OrdinalIgnoreCase)).ToList(),
            "StartsWithIgnoreCase" => () => readings.Where(r => r.Device == "d" && r.Name!.StartsWith("x", StringComparison.OrdinalIgnoreCase)).ToList(),
            "DatePart" => () => readings.Where(r => r.Device == "d" && r.Time.Year == 2025).ToList(),
            "Arithmetic" => () => readings.Where(r => r.Device == "d" && r.Count + 1 > 5).ToList(),
            _ => () => readings.Select(r => r.Device).Distinct().ToList(),
        };

        var exception = Assert.Throws<InvalidOperationException>(query);
        Assert.Contains("could not be translated", exception.Message);
        Assert.Contains(shape switch
        {
            "GroupBy" => "GroupBy",
            "Join" => "Join",
            "OrderByNonKey" => "sort key",
            "EndsWith" => "store the value reversed and use StartsWith",
            "WhereAfterTake" => "Where after Take",
            "OrderByAfterSkip" => "OrderBy after Take or Skip",
            "ThenBy" => "ThenBy",
            "ToLower" => "store a normalised copy of the attribute",
            "IgnoreCase" => "store a normalised copy of the attribute",
            "StartsWithIgnoreCase" => "store a normalised copy of the attribute",
            "DatePart" => "compare the whole date with a range",
            "Arithmetic" => "compare the attribute itself with a value computed on the client",
            "Last" => "OrderByDescending(x => x.SortKey).First()",
            _ => "Distinct",
        }, exception.Message);
    }
}

/// <summary>Conditions EF Core users write every day, as DynamoDB expressions: checked without a server.</summary>
public class EverydayConditionTranslationTests
{
    private static string Text(Func<ReadingContext, IQueryable<Reading>> query) => QueryTranslationTests.Text(query);

    [Fact]
    public void Two_attributes_compare_in_one_expression_with_CSharp_null_semantics()
    {
        Assert.Contains("FilterExpression: #Value > #Count", Text(c => c.Readings.AllowScan().Where(r => r.Value > r.Count)));
        Assert.Contains(
            "FilterExpression: (#Name = #Status OR ((attribute_not_exists(#Name) OR attribute_type(#Name, :v0)) AND (attribute_not_exists(#Status) OR attribute_type(#Status, :v0))))",
            Text(c => c.Readings.AllowScan().Where(r => r.Name == r.Status)));
        Assert.Contains("FilterExpression: (NOT (#Name = #Status OR", Text(c => c.Readings.AllowScan().Where(r => r.Name != r.Status)));
    }

    [Fact]
    public void IsNullOrEmpty_is_absent_null_or_empty()
        => Assert.Contains(
            "FilterExpression: ((attribute_not_exists(#Name) OR attribute_type(#Name, :v0)) OR #Name = :v1)",
            Text(c => c.Readings.AllowScan().Where(r => string.IsNullOrEmpty(r.Name))));

    [Fact]
    public void Constant_and_variable_conditions_decide_whether_anything_is_read()
    {
        Assert.Equal("Scan Readings", Text(c => c.Readings.AllowScan().Where(r => true)));
        Assert.Equal("Query Readings\n  KeyConditionExpression: #Device = :v0\n  ExpressionAttributeNames: #Device=Device\n  ExpressionAttributeValues: { :v0: S:\"d\" }",
            Text(c => c.Readings.Where(r => r.Device == "d" && (true || r.Value > 1))));
        Assert.StartsWith("-- No request", Text(c => c.Readings.Where(r => false)));
        var all = false;
        Assert.StartsWith("-- No request", Text(c => c.Readings.Where(r => all && r.Device == "d")));
        all = true;
        Assert.StartsWith("Query Readings", Text(c => c.Readings.Where(r => all && r.Device == "d")));
        Assert.StartsWith("-- No request", Text(c => c.Readings.Where(r => !all && r.Device == "d")));

        all = false;
        Assert.StartsWith("Query Readings", Text(c => c.Readings.Where(r => all || r.Device == "d")));
    }

    [Fact]
    public void Values_are_written_by_the_type_bound_at_translation()
    {
        // Equals between different types is false in C#, never a widened match: nothing is read.
        Assert.StartsWith("-- No request", Text(c => c.Readings.Where(r => r.Device == "d" && r.Count.Equals(5L))));
        Assert.StartsWith("-- No request", Text(c => c.Readings.Where(r => r.Device == "d" && Equals(r.Count, 5L))));
        Assert.Contains(":v1: N:5 }", Text(c => c.Readings.Where(r => r.Device == "d" && r.Count.Equals(5))));

        // A number of another type is compared as it is: DynamoDB compares numbers exactly.
        Assert.Contains(":v1: N:5 }", Text(c => c.Readings.Where(r => r.Device == "d" && r.Count == 5L)));
        Assert.Contains(":v1: N:29.5 }", Text(c => c.Readings.Where(r => r.Device == "d" && r.Count > 29.5)));

        // An enum compared through its number is written as the enum property writes its values.
        Assert.Equal(
            Text(c => c.Readings.Where(r => r.Device == "d" && r.Level == Level.High)),
            Text(c => c.Readings.Where(r => r.Device == "d" && (int)r.Level == (int)Level.High)));
    }

    [Fact]
    public void Coalesce_and_conditional_compare_each_branch_under_its_condition()
    {
        const string NameNotNull = "(attribute_exists(#Name) AND NOT attribute_type(#Name, :v1))";
        const string NameNull = "(attribute_not_exists(#Name) OR attribute_type(#Name, :v1))";
        Assert.Contains(
            $"FilterExpression: (({NameNotNull} AND #Name = :v2) OR ({NameNull} AND #Status = :v3))",
            Text(c => c.Readings.Where(r => r.Device == "d" && (r.Name ?? r.Status) == "none")));

        // A fallback the client knows is compared on the client: here it equals the value, so null names match.
        var fallback = "none";
        Assert.Contains(
            $"FilterExpression: (({NameNotNull} AND #Name = :v2) OR {NameNull})",
            Text(c => c.Readings.Where(r => r.Device == "d" && (r.Name ?? fallback) == "none")));
        fallback = "other";
        Assert.Contains(
            $"FilterExpression: ({NameNotNull} AND #Name = :v2)",
            Text(c => c.Readings.Where(r => r.Device == "d" && (r.Name ?? fallback) == "none")));

        Assert.Contains(
            "FilterExpression: ((#Active = :v1 AND #Value > :v2) OR ((NOT #Active = :v3) AND #Count < :v4))",
            Text(c => c.Readings.Where(r => r.Device == "d" && (r.Active ? r.Value > 1 : r.Count < 2))));
    }

    [Fact]
    public void Conversions_that_keep_values_are_looked_through_and_others_are_not()
    {
        // Equals(double) chosen through an int-to-double conversion compares the two attributes.
        Assert.Contains("FilterExpression: #Value = #Count", Text(c => c.Readings.Where(r => r.Device == "d" && r.Value.Equals(r.Count))));

        // A truncating cast of a client value is evaluated as C# does: the value sent is whole.
        Assert.Matches(":v1: N:[0-9]+ }", Text(c => c.Readings.Where(r => r.Device == "d" && r.Count == (int)(DateTime.UtcNow.Second + 0.5))));

        // A character is a one-character string.
        Assert.Contains(":v1: S:\"A\" }", Text(c => c.Readings.Where(r => r.Device == "d" && r.Name!.StartsWith('A'))));

        // DynamoDB cannot truncate an attribute.
        using var context = new ReadingContext();
        var error = Assert.Throws<InvalidOperationException>(() => context.Readings.Where(r => r.Device == "d" && (int)r.Value == 3).ToList());
        Assert.Contains("casts that change values", error.Message);
    }

    [Fact]
    public void Casts_that_change_values_are_refused_wherever_an_attribute_is_read()
    {
        using var context = new ReadingContext();
        foreach (var query in new Func<IQueryable<Reading>>[]
        {
            () => context.Readings.Where(r => r.Device == "d" && (decimal)r.Value == 0.3m),
            () => context.Readings.Where(r => r.Device == "d" && new[] { 1, 2 }.Contains((int)r.Value)),
        })
        {
            Assert.Contains("casts that change values", Assert.Throws<InvalidOperationException>(() => query().ToList()).Message);
        }
    }

    [Fact]
    public void Tuples_of_another_type_or_null_are_never_equal()
    {
        Assert.StartsWith("-- No request", Text(c => c.Readings.Where(r => r.Device == "d" && Tuple.Create(r.Count, r.Name).Equals(Tuple.Create(5L, "a")))));
        Tuple<int, string?>? pair = null;
        Assert.StartsWith("-- No request", Text(c => c.Readings.Where(r => r.Device == "d" && Tuple.Create(r.Count, r.Name).Equals(pair))));
        pair = Tuple.Create(5, (string?)"a");
        Assert.Contains("FilterExpression: (#Count = :v1 AND #Name = :v2)", Text(c => c.Readings.Where(r => r.Device == "d" && Tuple.Create(r.Count, r.Name).Equals(pair))));
    }

    [Fact]
    public void A_branch_that_compares_client_expressions_is_decided_on_every_execution()
    {
        // DateTime.UtcNow stays in the tree: the second branch holds on odd ticks only, so its filter changes.
        var texts = Enumerable.Range(0, 20)
            .Select(_ => Text(c => c.Readings.Where(r => r.Device == "d" && (r.Active ? 1L : DateTime.UtcNow.Ticks % 2) == 1)))
            .Distinct()
            .ToList();
        Assert.Equal(2, texts.Count);
    }

    [Fact]
    public void Two_bounds_on_one_side_of_the_sort_key_are_refused_with_what_to_do()
    {
        using var context = new ReadingContext();
        var (a, b) = (DateTime.UtcNow, DateTime.UtcNow.AddDays(1));
        var error = Assert.Throws<InvalidOperationException>(() => context.Readings.Where(r => r.Device == "d" && r.Time > a && r.Time > b).ToList());
        Assert.Contains("several conditions on the sort key 'Reading.Time'", error.Message);
        Assert.Contains("the larger of two lower bounds", error.Message);
    }

    [Fact]
    public void Refusals_print_the_condition_as_written_without_EF_Core_internal_nodes()
    {
        using var context = new ReadingContext();
        var error = Assert.Throws<InvalidOperationException>(() => context.Readings.Where(r => r.Device.ToLower() == "d").ToList());
        Assert.Contains("r.Device.ToLower() == \"d\"", error.Message);
        Assert.DoesNotContain("StructuralTypeShaperExpression", error.Message);
        Assert.DoesNotContain("ProjectionBindingExpression", error.Message);
    }
}

/// <summary>The scan options' arguments and requests, checked without a server.</summary>
public class ScanOptionTranslationTests
{
    private static string Text(Func<ReadingContext, IQueryable<Reading>> query) => QueryTranslationTests.Text(query);

    [Fact]
    public void A_scan_segment_is_sent_with_its_number_and_total()
        => Assert.Equal(
            """
            Scan Readings
              Segment: 3 of 4
              FilterExpression: #Value > :v0
              ExpressionAttributeNames: #Value=Value
              ExpressionAttributeValues: { :v0: N:1 }
            """,
            Text(c => c.Readings.AllowScan().WithScanSegment(3, 4).Where(r => r.Value > 1)));

    [Fact]
    public void Scan_option_arguments_out_of_range_are_refused_when_called()
    {
        using var context = new ReadingContext();
        Assert.Throws<ArgumentOutOfRangeException>(() => context.Readings.WithParallelScan(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => context.Readings.WithParallelScan(1_000_001));
        Assert.Throws<ArgumentOutOfRangeException>(() => context.Readings.WithParallelScan(4, maxConcurrency: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => context.Readings.WithScanSegment(4, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => context.Readings.WithScanSegment(-1, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => context.Readings.WithReadRateLimit(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => context.Readings.WithReadRateLimit(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => context.Readings.WithReadRateLimit(5, TimeSpan.Zero));
    }

    [Fact]
    public void Segment_numbers_are_parameters_so_one_compiled_query_serves_every_worker()
    {
        using var context = new ReadingContext();
        var texts = Enumerable.Range(0, 3).Select(i => context.Readings.AllowScan().WithScanSegment(i, 3).ToQueryString()).ToList();
        Assert.Equal(["Segment: 0 of 3", "Segment: 1 of 3", "Segment: 2 of 3"], texts.Select(t => t.Split('\n')[1].Trim()));
    }
}

/// <summary>Lists of full keys, checked without a server.</summary>
public class KeyListTranslationTests
{
    public record struct ReadingKey(string Device, DateTime Time);

    private static readonly DateTime Day = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Sort_key_values_with_a_fixed_partition_are_full_keys_read_by_BatchGetItem()
    {
        using var context = new ReadingContext();
        var times = new[] { Day, Day.AddDays(1), Day };
        Assert.Equal(
            """
            BatchGetItem
              Readings: 2 keys
              Keys: Device: S:"d1", Time: S:"2026-01-01T00:00:00.0000000Z"; Device: S:"d1", Time: S:"2026-01-02T00:00:00.0000000Z"
            """,
            context.Readings.Where(r => r.Device == "d1" && times.Contains(r.Time)).ToQueryString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Partition_and_sort_key_values_read_every_pair()
    {
        using var context = new ReadingContext();
        var devices = new[] { "d1", "d2" };
        var times = new[] { Day, Day.AddDays(1) };
        var text = context.Readings.Where(r => devices.Contains(r.Device) && times.Contains(r.Time)).ToQueryString();
        Assert.Contains("Readings: 4 keys", text);
        Assert.Contains("Device: S:\"d2\", Time: S:\"2026-01-02T00:00:00.0000000Z\"", text);
    }

    [Fact]
    public void A_list_of_key_pairs_is_read_by_BatchGetItem_and_with_a_filter_by_one_Query_per_key()
    {
        using var context = new ReadingContext();
        var keys = new List<ReadingKey> { new("d1", Day), new("d2", Day.AddDays(1)), new("d1", Day) };
        Assert.Equal(
            """
            BatchGetItem
              Readings: 2 keys
              Keys: Device: S:"d1", Time: S:"2026-01-01T00:00:00.0000000Z"; Device: S:"d2", Time: S:"2026-01-02T00:00:00.0000000Z"
            """,
            context.Readings.Where(r => keys.Any(k => k.Device == r.Device && r.Time == k.Time)).ToQueryString().ReplaceLineEndings("\n"));

        var filtered = context.Readings.Where(r => keys.Any(k => k.Device == r.Device && k.Time == r.Time) && r.Value > 2).ToQueryString();
        Assert.Equal(2, filtered.Split("Query Readings").Length - 1);
        Assert.Contains("KeyConditionExpression: #Device = :v0 AND #Time = :v1", filtered);
        Assert.Contains("FilterExpression: #Value > :v2", filtered);
    }

    [Fact]
    public void Matching_any_element_on_other_attributes_is_a_filter()
    {
        using var context = new ReadingContext();
        var pairs = new[] { (Name: "a", Count: 1), (Name: "b", Count: 2) };
        var text = context.Readings.AllowScan().Where(r => pairs.Any(p => p.Name == r.Name && p.Count == r.Count)).ToQueryString();
        Assert.Contains("FilterExpression: ((#Name = :v0 AND #Count = :v1) OR (#Name = :v2 AND #Count = :v3))", text);
        Assert.Contains("ExpressionAttributeValues: { :v0: S:\"a\", :v1: N:1, :v2: S:\"b\", :v3: N:2 }", text);
    }

    [Fact]
    public void A_list_of_keys_cannot_be_ordered_or_paged()
    {
        using var context = new ReadingContext();
        var times = new[] { Day, Day.AddDays(1) };
        var error = Assert.Throws<InvalidOperationException>(
            () => context.Readings.Where(r => r.Device == "d1" && times.Contains(r.Time)).OrderBy(r => r.Time).ToQueryString());
        Assert.Contains("in the order of the list", error.Message);
    }
}

public class Shipment
{
    public string Id { get; set; } = "";
    public string? Carrier { get; set; }
    public DateTime? SentAt { get; set; }
}

/// <summary>Shipments found by carrier, and by carrier and date: both index keys are nullable.</summary>
public class ShipmentContext : DbContext
{
    public DbSet<Shipment> Shipments => Set<Shipment>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
        => optionsBuilder.UseDynamoDb(d => d.ServiceUrl("http://127.0.0.1:1").Region("us-east-1").Credentials(new Amazon.Runtime.BasicAWSCredentials("k", "s")));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Shipment>(b =>
        {
            b.HasIndex(s => s.Carrier).IsGlobalSecondaryIndex("by-carrier");
            b.HasIndex(s => new { s.Carrier, s.SentAt }).IsGlobalSecondaryIndex("by-carrier-sent");
        });
}

/// <summary>An index holds only the items that have its key attributes: it answers only queries that return no others.</summary>
public class SparseIndexPlanningTests
{
    private static string Text(Func<ShipmentContext, IQueryable<Shipment>> query)
    {
        using var context = new ShipmentContext();
        return query(context).ToQueryString().ReplaceLineEndings("\n");
    }

    [Fact]
    public void An_index_whose_keys_the_query_requires_is_queried_without_a_filter_on_them()
    {
        var since = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var dated = Text(c => c.Shipments.Where(s => s.Carrier == "ups" && s.SentAt != null).OrderBy(s => s.SentAt));
        Assert.StartsWith("Query Shipments INDEX by-carrier-sent\n", dated);
        Assert.DoesNotContain("FilterExpression", dated);
        Assert.StartsWith("Query Shipments INDEX by-carrier-sent\n", Text(c => c.Shipments.Where(s => s.Carrier == "ups" && s.SentAt >= since)));
        Assert.StartsWith("Query Shipments INDEX by-carrier\n", Text(c => c.Shipments.Where(s => s.Carrier == "ups")));
    }

    [Fact]
    public void An_index_that_lacks_items_the_query_returns_is_not_used()
    {
        Assert.StartsWith("Scan Shipments", Text(c => c.Shipments.AllowScan().Where(s => s.Carrier == null)));

        using var context = new ShipmentContext();
        var ordered = Assert.Throws<InvalidOperationException>(() => context.Shipments.Where(s => s.Carrier == "ups").OrderBy(s => s.SentAt).ToQueryString());
        Assert.Contains("The index 'by-carrier-sent' was not used: it holds only the 'Shipment' items that have 'SentAt'", ordered.Message);
        Assert.Contains("WithIndex(\"by-carrier-sent\")", ordered.Message);
        Assert.StartsWith("Query Shipments INDEX by-carrier-sent", context.Shipments.WithIndex("by-carrier-sent").Where(s => s.Carrier == "ups").OrderBy(s => s.SentAt).ToQueryString());
    }

    [Fact]
    public void A_null_among_the_values_of_an_index_key_is_not_read_through_the_index()
    {
        Assert.StartsWith("Scan Shipments", Text(c => c.Shipments.AllowScan().Where(s => s.Carrier == "ups" || s.Carrier == null)));

        // A collection's values are known per execution: a null among them is refused then, naming the index.
        using var context = new ShipmentContext();
        string?[] carriers = ["ups", null];
        var refused = Assert.Throws<InvalidOperationException>(() => context.Shipments.Where(s => carriers.Contains(s.Carrier)).ToQueryString());
        Assert.Contains("through the index 'by-carrier' and compares its key 'Carrier' with null in this execution", refused.Message);
        carriers = ["ups", "dhl"];
        Assert.StartsWith("Query Shipments INDEX by-carrier", context.Shipments.Where(s => carriers.Contains(s.Carrier)).ToQueryString());
    }

    [Theory]
    [InlineData("SELECT * FROM users WHERE Email = 'a'")]
    [InlineData("select * from\"users\" where Email = 'a'")]
    [InlineData("SELECT \"moved from home\", Email FROM users")]
    [InlineData("SELECT * FROM \"users\".\"by-email\" WHERE Email = 'a from b'")]
    public void A_PartiQL_statement_reading_the_entity_types_table_is_accepted(string statement)
        => EFCore.DynamoDb.Query.Internal.DynamoDbPartiQLStatement.CheckReadsTable(statement, "users", "User");

    [Theory]
    [InlineData("SELECT * FROM users WHERE Note = 'FROM users'", "SELECT * FROM \"p-users\" WHERE Note = 'FROM users'")]
    [InlineData("SELECT * FROM\"users\".\"by-email\"", "SELECT * FROM\"p-users\".\"by-email\"")]
    public void The_table_after_FROM_gets_the_prefix_and_nothing_else_does(string statement, string sent)
        => Assert.Equal(sent, EFCore.DynamoDb.Query.Internal.DynamoDbPartiQLStatement.ResolveTables(statement, "users", "p-users"));

    [Fact]
    public void FromSqlRaw_is_refused_pointing_to_FromPartiQL()
    {
        using var context = new LeagueContext();
        var exception = Assert.Throws<InvalidOperationException>(() => context.Teams.FromSqlRaw("SELECT * FROM Teams").ToList());
        Assert.Contains("FromSqlRaw", exception.Message);
        Assert.Contains("on 'Team'", exception.Message);
        Assert.Contains("FromPartiQL($\"SELECT * FROM \\\"Teams\\\" WHERE ...\")", exception.Message);
    }
}

