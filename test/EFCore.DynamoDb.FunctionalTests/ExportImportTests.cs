using System.Text;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests;

public class Specimen
{
    public string Id { get; set; } = "";
    public int Number { get; set; }
    public decimal Price { get; set; }
    public double Ratio { get; set; }
    public bool Flag { get; set; }
    public byte[]? Bytes { get; set; }
    public string? Missing { get; set; }
    public DateTime Taken { get; set; }
    public Guid Guid { get; set; }
    public DayOfWeek Day { get; set; }
    public List<string> Notes { get; set; } = [];
    public List<int?> Readings { get; set; } = [];
    public HashSet<string> Labels { get; set; } = [];
    public ISet<int> Lucky { get; set; } = new HashSet<int>();
    public HashSet<byte[]> Blobs { get; set; } = [];
    public Dictionary<string, int> Counters { get; set; } = [];
    public Site Site { get; set; } = new();
}

public class Site
{
    public string Name { get; set; } = "";
    public double? Depth { get; set; }
}

/// <summary>A specimen type and a second type sharing its table, to check exports take the whole table.</summary>
public class FieldNote
{
    public string Id { get; set; } = "";
    public string Text { get; set; } = "";
}

public class SpecimenContext(DbContextOptions<SpecimenContext> options) : DbContext(options)
{
    public DbSet<Specimen> Specimens => Set<Specimen>();
    public DbSet<FieldNote> FieldNotes => Set<FieldNote>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Specimen>(b =>
        {
            b.ToTable("specimens");
            b.OwnsOne(s => s.Site);
        });
        modelBuilder.Entity<FieldNote>().ToTable("specimens");
    }
}

public sealed class ExportImportTests : IAsyncLifetime
{
    private const int Count = 10_000;
    private readonly string _source = TestDb.NewPrefix();
    private readonly string _target = TestDb.NewPrefix();

    private SpecimenContext CreateContext(string prefix) => new(TestDb.Options<SpecimenContext>(prefix));

    private static Specimen Make(int i)
        => new()
        {
            Id = "sp" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
            Number = i - 5000,
            Price = i / 100m,
            Ratio = i / 3.0,
            Flag = i % 2 == 0,
            Bytes = i % 3 == 0 ? null : [(byte)i, (byte)(i >> 8), 0, 255],
            Taken = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i),
            Guid = new Guid(i, 1, 2, [3, 4, 5, 6, 7, 8, 9, 10]),
            Day = (DayOfWeek)(i % 7),
            Notes = i % 5 == 0 ? [] : ["n" + i, "shared"],
            Readings = [i, null, -i],
            Labels = i % 4 == 0 ? [] : ["a" + (i % 10), "b"],
            Lucky = new HashSet<int> { i % 13, 7 },
            Blobs = i % 6 == 0 ? [] : [[1, 2], [(byte)(i % 200 + 3)]],
            Counters = new() { ["x"] = i, ["y"] = -1 },
            Site = new Site { Name = "site" + (i % 17), Depth = i % 2 == 0 ? i * 0.5 : null },
        };

    public async Task InitializeAsync()
    {
        await using var target = CreateContext(_target);
        await target.Database.EnsureCreatedAsync();
    }

    [Fact]
    public async Task Export_then_import_into_an_empty_table_round_trips_every_attribute()
    {
        await using (var seeding = CreateContext(_source))
        {
            await seeding.Database.EnsureCreatedAsync();
            seeding.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
            seeding.Specimens.AddRange(Enumerable.Range(0, Count).Select(Make));
            seeding.FieldNotes.Add(new FieldNote { Id = "note-1", Text = "shares the table" });
            await seeding.SaveChangesAsync();
        }

        var exported = new MemoryStream();
        var exportProgress = new List<long>();
        long exportedCount;
        await using (var source = CreateContext(_source))
        {
            exportedCount = await source.Database.ExportItemsAsync<Specimen>(
                exported, new DynamoDbExportOptions { TotalSegments = 4 }, new SynchronousProgress(exportProgress));
        }

        Assert.Equal(Count + 1, exportedCount);
        Assert.Equal(exportedCount, exportProgress.Last());
        Assert.Equal(exportProgress.Order(), exportProgress);
        var lines = Encoding.UTF8.GetString(exported.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Count + 1, lines.Length);
        Assert.All(lines, line => Assert.NotNull(JsonNode.Parse(line)!["Item"]!["Id"]!["S"]));

        var importProgress = new List<long>();
        await using (var target = CreateContext(_target))
        {
            exported.Position = 0;
            Assert.Equal(Count + 1, await target.Database.ImportItemsAsync<Specimen>(exported, new SynchronousProgress(importProgress)));
        }

        Assert.Equal(Count + 1, importProgress.Last());
        Assert.Equal(await ExportedAsync(_source), await ExportedAsync(_target));

        await using var check = CreateContext(_target);
        var sample = await check.Specimens.SingleAsync(s => s.Id == "sp01234");
        var expected = Make(1234);
        Assert.Equal((expected.Number, expected.Price, expected.Ratio, expected.Flag, expected.Taken, expected.Guid, expected.Day),
            (sample.Number, sample.Price, sample.Ratio, sample.Flag, sample.Taken, sample.Guid, sample.Day));
        Assert.Equal(expected.Bytes, sample.Bytes);
        Assert.Equal(expected.Readings, sample.Readings);
        Assert.Equal(expected.Labels, sample.Labels);
        Assert.Equal(expected.Lucky.Order(), sample.Lucky.Order());
        Assert.Equal(expected.Counters, sample.Counters);
        Assert.Equal((expected.Site.Name, expected.Site.Depth), (sample.Site.Name, sample.Site.Depth));
        Assert.Equal("shares the table", (await check.FieldNotes.SingleAsync(n => n.Id == "note-1")).Text);
    }

    [Fact]
    public async Task A_line_that_cannot_be_read_stops_the_import_with_the_count_written()
    {
        var lines = Enumerable.Range(0, 450).Select(i => $$$$"""{"Item":{"Id":{"S":"bad{{{{i}}}}"},"Number":{"N":"{{{{i}}}}"}}}""").ToList();
        lines.Add("""{"Item":{"Number":{"N":"1"}}}""");
        lines.Add("""{"Item":{"Id":{"S":"never"}}}""");
        await using var target = CreateContext(_target);

        var error = await Assert.ThrowsAsync<DynamoDbImportException>(
            () => target.Database.ImportItemsAsync<Specimen>(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines)))));

        Assert.Equal(400, error.ItemsWritten);
        Assert.Contains("Line 451", error.Message);
        Assert.Contains("'Id'", error.Message);
        Assert.Equal(400, await CountAsync(_target));

        var notJson = await Assert.ThrowsAsync<DynamoDbImportException>(
            () => target.Database.ImportItemsAsync<Specimen>(new MemoryStream("{\"Item\":{\"Id\":{\"Q\":\"x\"}}}"u8.ToArray())));
        Assert.Equal(0, notJson.ItemsWritten);
        Assert.Contains("typed values", notJson.Message);
    }

    [Fact]
    public async Task A_repeated_key_is_written_last_wins_and_cancellation_says_what_was_written()
    {
        await using var target = CreateContext(_target);
        var repeated = """
            {"Item":{"Id":{"S":"dup"},"Number":{"N":"1"}}}
            {"Item":{"Id":{"S":"dup"},"Number":{"N":"2"}}}
            """;
        Assert.Equal(2, await target.Database.ImportItemsAsync<Specimen>(new MemoryStream(Encoding.UTF8.GetBytes(repeated))));
        using var raw = TestDb.RawClient();
        Assert.Equal("2", (await raw.GetItemAsync(_target + "specimens", new() { ["Id"] = new AttributeValue { S = "dup" } })).Item["Number"].N);

        using var cancel = new CancellationTokenSource();
        var many = string.Join('\n', Enumerable.Range(0, 5000).Select(i => $$$$"""{"Item":{"Id":{"S":"c{{{{i}}}}"}}}"""));
        var reported = 0L;
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => target.Database.ImportItemsAsync<Specimen>(
            new MemoryStream(Encoding.UTF8.GetBytes(many)),
            new SynchronousProgress(written =>
            {
                reported = written;
                if (written >= 800)
                {
                    cancel.Cancel();
                }
            }),
            cancel.Token));
        Assert.Contains($"after {reported} items were written", error.Message);
        Assert.InRange(await CountAsync(_target) - 1, reported, reported + 400);
    }

    /// <summary>The table's items exported again, each normalised (attributes and set elements in order), by key.</summary>
    private async Task<Dictionary<string, string>> ExportedAsync(string prefix)
    {
        await using var context = CreateContext(prefix);
        var stream = new MemoryStream();
        await context.Database.ExportItemsAsync<FieldNote>(stream);
        return Encoding.UTF8.GetString(stream.ToArray())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!["Item"]!)
            .ToDictionary(item => (string)item["Id"]!["S"]!, item => Normalize(item)!.ToJsonString());
    }

    private static JsonNode? Normalize(JsonNode? node, string? tag = null)
        => node switch
        {
            JsonObject map => new JsonObject(map.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value, p.Key)))),
            JsonArray set when tag is "SS" or "NS" or "BS" => new JsonArray(set.Select(e => e!.DeepClone()).OrderBy(e => e!.ToJsonString(), StringComparer.Ordinal).ToArray()),
            JsonArray list => new JsonArray(list.Select(e => Normalize(e)).ToArray()),
            _ => node?.DeepClone(),
        };

    private static async Task<int> CountAsync(string prefix)
    {
        using var raw = TestDb.RawClient();
        var request = new ScanRequest { TableName = prefix + "specimens", Select = Amazon.DynamoDBv2.Select.COUNT };
        var count = 0;
        do
        {
            var response = await raw.ScanAsync(request);
            count += response.Count ?? 0;
            request.ExclusiveStartKey = response.LastEvaluatedKey;
        }
        while (request.ExclusiveStartKey is { Count: > 0 });

        return count;
    }

    public async Task DisposeAsync()
    {
        foreach (var prefix in new[] { _source, _target })
        {
            await using var context = CreateContext(prefix);
            await context.Database.EnsureDeletedAsync();
        }
    }

    /// <summary>Reports on the calling thread, unlike <see cref="Progress{T}"/>, so the test sees every report in order.</summary>
    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public SynchronousProgress(List<long> reports)
            : this(reports.Add)
        {
        }

        public void Report(long value) => report(value);
    }
}
