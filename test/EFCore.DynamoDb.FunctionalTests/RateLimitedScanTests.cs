using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests;

public partial class RateLimitedScanTests(ReadingsFixture fixture) : IClassFixture<ReadingsFixture>
{
    private const double Rate = 100;

    [Fact]
    public async Task Rate_limited_scan_holds_its_rate()
    {
        var log = new ListLoggerFactory();
        await using var context = fixture.CreateContext(configureContext: o => o.UseLoggerFactory(log));

        var clock = Stopwatch.StartNew();
        var readings = await context.Readings.AllowScan().WithReadRateLimit(Rate).AsNoTracking().ToListAsync();
        clock.Stop();

        Assert.Equal(ReadingsFixture.Count, readings.Count);
        var consumed = double.Parse(
            CapacityOf().Match(log.MessagesOf(DynamoDbEventId.QueryCompleted).Single()).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(consumed > 2 * Rate, $"The scan consumed {consumed} units: too few to measure a rate.");
        var achieved = consumed / clock.Elapsed.TotalSeconds;
        Assert.InRange(achieved, 0.8 * Rate, 1.2 * Rate);
        Assert.True(log.MessagesOf(DynamoDbEventId.ExecutedScan).Count() > 5, "Pages are sized to a fraction of a second's capacity.");
    }

    [Fact]
    public async Task Rate_limited_parallel_scan_asks_for_capacity_even_when_nothing_is_logged()
    {
        var transport = new FaultInjectingHttpClientFactory((_, _) => Fault.None, recordBodies: true);
        await using var context = fixture.CreateContext(d => d.ConfigureClient(c => c.HttpClientFactory = transport));
        var unpaced = await ConsumedByOneScanAsync();

        var clock = Stopwatch.StartNew();
        var count = await context.Readings.AllowScan().WithParallelScan(4).WithReadRateLimit(2 * Rate).CountAsync();
        clock.Stop();

        Assert.Equal(ReadingsFixture.Count, count);
        Assert.All(transport.Requests, r => Assert.Contains("\"ReturnConsumedCapacity\":\"TOTAL\"", r.Body));
        Assert.True(clock.Elapsed.TotalSeconds >= 0.8 * unpaced / (2 * Rate), $"{unpaced} units in {clock.Elapsed}");
    }

    [Fact]
    public async Task Throttled_pages_are_retried_and_repeated_throttling_stops_the_read()
    {
        var throttled = new FaultInjectingHttpClientFactory((operation, call) => operation == "Scan" && call <= 3 ? Fault.Throttle : Fault.None);
        await using (var context = fixture.CreateContext(d => d.ConfigureClient(c =>
        {
            c.HttpClientFactory = throttled;
            c.MaxErrorRetry = 0;
        })))
        {
            Assert.Equal(ReadingsFixture.Count, await context.Readings.AllowScan().WithReadRateLimit(10 * Rate).CountAsync());
        }

        var always = new FaultInjectingHttpClientFactory((operation, _) => operation == "Scan" ? Fault.Throttle : Fault.None);
        await using (var context = fixture.CreateContext(d => d.ConfigureClient(c =>
        {
            c.HttpClientFactory = always;
            c.MaxErrorRetry = 0;
        })))
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(
                () => context.Readings.AllowScan().WithReadRateLimit(Rate).ToListAsync());
            Assert.Contains("consecutive throttled requests", error.Message);
            Assert.IsType<ProvisionedThroughputExceededException>(error.InnerException);
            Assert.Equal(6, always.Calls["Scan"]);
        }
    }

    [Fact]
    public async Task A_read_past_its_timeout_stops_with_the_count_read()
    {
        await using var context = fixture.CreateContext();

        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => context.Readings.AllowScan().WithReadRateLimit(1, TimeSpan.FromMilliseconds(600)).ToListAsync());
        Assert.Contains("Readings", error.Message);
        Assert.Matches("with [1-9][0-9]* items read", error.Message);
    }

    [Fact]
    public async Task Without_reported_capacity_the_read_is_refused_unless_estimates_are_allowed()
    {
        var transport = new FaultInjectingHttpClientFactory((operation, _) => operation == "Scan" ? Fault.DropConsumedCapacity : Fault.None);
        await using (var context = fixture.CreateContext(d => d.ConfigureClient(c => c.HttpClientFactory = transport)))
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(
                () => context.Readings.AllowScan().WithReadRateLimit(Rate).ToListAsync());
            Assert.Contains("AllowRateLimitWithoutConsumedCapacity", error.Message);
        }

        await using (var context = fixture.CreateContext(d => d
            .ConfigureClient(c => c.HttpClientFactory = transport)
            .AllowRateLimitWithoutConsumedCapacity()))
        {
            var unpaced = await ConsumedByOneScanAsync();
            var clock = Stopwatch.StartNew();
            Assert.Equal(ReadingsFixture.Count, (await context.Readings.AllowScan().WithReadRateLimit(4 * Rate).ToListAsync()).Count);
            Assert.True(clock.Elapsed.TotalSeconds >= 0.7 * unpaced / (4 * Rate), $"{unpaced} units in {clock.Elapsed}");
        }
    }

    /// <summary>The capacity a plain scan of the whole table consumes, read with the AWS SDK.</summary>
    private async Task<double> ConsumedByOneScanAsync()
    {
        using var raw = TestDb.RawClient();
        var request = new ScanRequest { TableName = fixture.Prefix + "Readings", ReturnConsumedCapacity = "TOTAL" };
        double consumed = 0;
        do
        {
            var response = await raw.ScanAsync(request);
            consumed += response.ConsumedCapacity.CapacityUnits ?? 0;
            request.ExclusiveStartKey = response.LastEvaluatedKey;
        }
        while (request.ExclusiveStartKey is { Count: > 0 });

        return consumed;
    }

    [GeneratedRegex("consuming ([0-9.]+) capacity units")]
    private static partial Regex CapacityOf();
}
