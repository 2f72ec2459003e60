using System.Text.Json.Nodes;
using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests;

public class ParallelScanTests(ReadingsFixture fixture) : IClassFixture<ReadingsFixture>
{
    private (ReadingsContext Context, FaultInjectingHttpClientFactory Transport) CreateRecordingContext(
        Action<DynamoDbDbContextOptionsBuilder>? configure = null)
    {
        var transport = new FaultInjectingHttpClientFactory((_, _) => Fault.None, recordBodies: true);
        return (fixture.CreateContext(d =>
        {
            d.ConfigureClient(c => c.HttpClientFactory = transport);
            configure?.Invoke(d);
        }), transport);
    }

    private static List<JsonNode> Scans(FaultInjectingHttpClientFactory transport)
        => transport.Requests.Where(r => r.Operation == "Scan").Select(r => JsonNode.Parse(r.Body)!).ToList();

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(8)]
    public async Task Parallel_scan_returns_every_item_exactly_once(int segments)
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;

        var readings = await context.Readings.AllowScan().WithParallelScan(segments).AsNoTracking().ToListAsync();

        Assert.Equal(ReadingsFixture.Count, readings.Count);
        Assert.Equal(ReadingsFixture.Count, readings.Select(r => r.Id).Distinct().Count());
        Assert.All(readings, r => Assert.Equal(ReadingsFixture.Make(r.Sequence).Payload, r.Payload));
        var scans = Scans(transport);
        Assert.All(scans, s => Assert.Equal(segments, (int)s["TotalSegments"]!));
        Assert.Equal(Enumerable.Range(0, segments), scans.Select(s => (int)s["Segment"]!).Distinct().Order());
    }

    [Fact]
    public async Task Segments_read_by_separate_workers_cover_the_table_once()
    {
        var parts = await Task.WhenAll(Enumerable.Range(0, 3).Select(async segment =>
        {
            await using var context = fixture.CreateContext();
            return await context.Readings.AllowScan().WithScanSegment(segment, 3).Select(r => r.Sequence).ToListAsync();
        }));

        Assert.All(parts, part => Assert.NotEmpty(part));
        Assert.Equal(Enumerable.Range(0, ReadingsFixture.Count), parts.SelectMany(p => p).Order());
    }

    [Fact]
    public async Task Count_and_Any_add_up_every_segment()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;

        Assert.Equal(4000, await context.Readings.AllowScan().WithParallelScan(4).CountAsync(r => r.Sequence >= 1000));
        Assert.Equal(ReadingsFixture.Count, context.Readings.AllowScan().WithParallelScan(3, maxConcurrency: 2).LongCount());
        Assert.True(await context.Readings.AllowScan().WithParallelScan(4).AnyAsync(r => r.Sequence == 4321));
        Assert.False(await context.Readings.AllowScan().WithParallelScan(4).AnyAsync(r => r.Sequence < 0));
        Assert.All(Scans(transport), s => Assert.Equal("COUNT", (string)s["Select"]!));
    }

    [Fact]
    public async Task Parallel_scan_filters_projects_and_stops_early()
    {
        await using var context = fixture.CreateContext();

        var sensor3 = await context.Readings.AllowScan().WithParallelScan(4)
            .Where(r => r.Sensor == "s3").Select(r => new { r.Sequence, r.Value }).ToListAsync();
        Assert.Equal(Enumerable.Range(0, ReadingsFixture.Count).Where(i => i % 7 == 3), sensor3.Select(r => r.Sequence).Order());
        Assert.All(sensor3, r => Assert.Equal(r.Sequence / 8.0, r.Value));

        var some = context.Readings.AllowScan().WithParallelScan(8).Take(10).ToList();
        Assert.Equal(10, some.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task Scan_segments_on_a_query_that_does_not_scan_are_refused_before_any_request()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Readings.Where(r => r.Id == "r00001").WithParallelScan(4).ToListAsync());
        Assert.Contains("WithParallelScan", error.Message);
        Assert.Contains("Reading", error.Message);
        Assert.Empty(transport.Requests);
    }

    [Fact]
    public async Task Parallel_scan_is_guarded_like_any_scan()
    {
        var (context, transport) = CreateRecordingContext(d => d.ScanBehavior(DynamoDbScanBehavior.Throw));
        await using var _ = context;

        await Assert.ThrowsAsync<InvalidOperationException>(() => context.Readings.WithParallelScan(4).ToListAsync());
        Assert.Empty(transport.Requests);
    }

    [Fact]
    public async Task ToQueryString_shows_the_segments()
    {
        await using var context = fixture.CreateContext();

        var parallel = context.Readings.AllowScan().WithParallelScan(8, maxConcurrency: 2).Where(r => r.Value > 3).ToQueryString();
        Assert.Contains("8 segments read in parallel, at most 2 at a time", parallel);
        Assert.Contains("Segment: 0 of 8", parallel);
        Assert.Contains("Segment: 2 of 5", context.Readings.AllowScan().WithScanSegment(2, 5).ToQueryString());
    }

    [Fact]
    public async Task One_segment_pages_with_tokens_and_a_parallel_scan_refuses_them()
    {
        await using var context = fixture.CreateContext();
        var segment = context.Readings.AllowScan().WithScanSegment(1, 2).Select(r => r.Sequence);
        var all = await segment.ToListAsync();

        var paged = new List<int>();
        string? token = null;
        do
        {
            var page = await segment.ToPageAsync(700, token);
            paged.AddRange(page.Values);
            token = page.ContinuationToken;
        }
        while (token != null);

        Assert.Equal(all, paged);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Readings.AllowScan().WithParallelScan(2).ToPageAsync(10, null));
        Assert.Contains("WithScanSegment", error.Message);
    }
}
