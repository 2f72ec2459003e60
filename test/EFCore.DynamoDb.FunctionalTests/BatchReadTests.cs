using System.Text.Json.Nodes;
using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests;

public class BatchReadTests(ReadingsFixture fixture) : IClassFixture<ReadingsFixture>
{
    [Fact]
    public async Task A_thousand_keys_are_read_in_ten_BatchGetItem_requests_plus_resent_unprocessed_keys()
    {
        var ids = Enumerable.Range(0, 999).Select(i => "r" + (i * 37 % ReadingsFixture.Count).ToString("D5", System.Globalization.CultureInfo.InvariantCulture)).Append("r99999").ToList();
        var transport = new FaultInjectingHttpClientFactory(
            (operation, call) => operation == "BatchGetItem" && call <= 3 ? Fault.ProcessHalf : Fault.None, recordBodies: true);
        await using var context = fixture.CreateContext(d => d.ConfigureClient(c => c.HttpClientFactory = transport));

        var readings = await context.Readings.Where(r => ids.Contains(r.Id)).ToListAsync();

        Assert.Equal(ids.Take(999), readings.Select(r => r.Id));
        var requests = transport.Requests.Select(r => (r.Operation, Keys: KeysIn(r.Body))).ToList();
        Assert.All(requests, r => Assert.Equal("BatchGetItem", r.Operation));
        Assert.Equal(10, requests.Count(r => r.Keys == 100));
        Assert.Equal(1000 + 150, requests.Sum(r => r.Keys));
        Assert.Equal(13, requests.Count);

        await using var one = fixture.CreateContext();
        foreach (var reading in readings)
        {
            var found = await one.Readings.FindAsync(reading.Id);
            Assert.Equal((found!.Sequence, found.Sensor, found.Value, found.Payload), (reading.Sequence, reading.Sensor, reading.Value, reading.Payload));
        }
    }

    [Fact]
    public async Task Batch_reads_honour_consistent_reads_and_projections()
    {
        var ids = Enumerable.Range(0, 250).Select(i => "r" + (i * 3).ToString("D5", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var transport = new FaultInjectingHttpClientFactory((_, _) => Fault.None, recordBodies: true);
        await using var context = fixture.CreateContext(d => d.ConfigureClient(c => c.HttpClientFactory = transport));

        var values = await context.Readings.WithConsistentRead().Where(r => ids.Contains(r.Id)).Select(r => r.Value).ToListAsync();

        Assert.Equal(ids.Select(id => int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture) / 8.0), values);
        Assert.Equal(3, transport.Requests.Count);
        Assert.All(transport.Requests, r =>
        {
            var read = JsonNode.Parse(r.Body)!["RequestItems"]!.AsObject().Single().Value!;
            Assert.True((bool)read["ConsistentRead"]!);
            Assert.DoesNotContain("Payload", read.ToJsonString());
        });
    }

    private static int KeysIn(string body)
        => JsonNode.Parse(body)!["RequestItems"]!.AsObject().Sum(t => t.Value!["Keys"]!.AsArray().Count);
}
