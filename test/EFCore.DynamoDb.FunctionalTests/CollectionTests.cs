using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests;

public class CollectionTests : DynamoDbTestBase<CollectionsContext>
{
    private static readonly DateTime Visit = new(2026, 2, 3, 4, 5, 6, DateTimeKind.Utc);

    protected override CollectionsContext CreateContext(DbContextOptions<CollectionsContext> options) => new(options);

    private static Profile Sample(string id) => new()
    {
        Id = id,
        Tags = ["a", "b", "a"],
        Scores = [3, 1, 2],
        Readings = [1, null, 3],
        Labels = ["red", "blue"],
        Lucky = new HashSet<int> { 7, 13 },
        Blobs = [[1, 2], [3]],
        Counters = new() { ["x"] = 1, ["y"] = 2 },
        Visits = [Visit],
    };

    private Dictionary<string, AttributeValue> Raw(string id)
    {
        using var raw = TestDb.RawClient();
        return raw.GetItemAsync(Prefix + "Profiles", new Dictionary<string, AttributeValue> { ["Id"] = new() { S = id } }).Result.Item;
    }

    [Fact]
    public async Task Collections_round_trip_in_native_list_set_and_map_types()
    {
        await using (var context = CreateContext())
        {
            context.Profiles.Add(Sample("p1"));
            await context.SaveChangesAsync();
        }

        var item = Raw("p1");
        Assert.Equal(["a", "b", "a"], item["Tags"].L.Select(v => v.S));
        Assert.Equal(["3", "1", "2"], item["Scores"].L.Select(v => v.N));
        Assert.True(item["Readings"].L[1].NULL);
        Assert.Equal(["blue", "red"], item["Labels"].SS.Order());
        Assert.Equal(["13", "7"], item["Lucky"].NS.Order());
        Assert.Equal(2, item["Blobs"].BS.Count);
        Assert.Equal("2", item["Counters"].M["y"].N);

        await using (var context = CreateContext())
        {
            var profile = (await context.Profiles.FindAsync("p1"))!;
            Assert.Equal(["a", "b", "a"], profile.Tags);
            Assert.Equal([3, 1, 2], profile.Scores);
            Assert.Equal([1, null, 3], profile.Readings);
            Assert.True(profile.Labels.SetEquals(["red", "blue"]));
            Assert.True(profile.Lucky.SetEquals([7, 13]));
            Assert.Contains(profile.Blobs, b => b.SequenceEqual(new byte[] { 1, 2 }));
            Assert.Equal(2, profile.Counters["y"]);
            Assert.Equal(Visit, Assert.Single(profile.Visits));
        }
    }

    [Fact]
    public async Task In_place_changes_are_detected_and_an_empty_set_is_an_absent_attribute()
    {
        await using (var context = CreateContext())
        {
            context.Profiles.Add(Sample("p2"));
            await context.SaveChangesAsync();
            var profile = (await context.Profiles.FindAsync("p2"))!;
            profile.Tags.Add("c");
            profile.Labels.Clear();
            profile.Counters["z"] = 3;
            await context.SaveChangesAsync();
        }

        var update = Log.MessagesOf(DynamoDbEventId.ExecutedUpdateItem).Single();
        Assert.Contains("SET #Counters = :v0, #Tags = :v1 REMOVE #Labels", update);
        var item = Raw("p2");
        Assert.False(item.ContainsKey("Labels"));
        Assert.Equal(4, item["Tags"].L.Count);

        await using var check = CreateContext();
        var reread = (await check.Profiles.FindAsync("p2"))!;
        Assert.NotNull(reread.Labels);
        Assert.Empty(reread.Labels);
        Assert.Equal(3, reread.Counters["z"]);
    }

    [Fact]
    public async Task Filters_test_elements_and_sizes_of_collections()
    {
        await using (var context = CreateContext())
        {
            context.Profiles.Add(Sample("p3"));
            var other = Sample("p4");
            other.Labels = ["green"];
            other.Tags = ["z"];
            context.Profiles.Add(other);
            await context.SaveChangesAsync();
        }

        await using var query = CreateContext();
        Assert.Equal(["p3"], await query.Profiles.AllowScan().Where(p => p.Labels.Contains("red")).Select(p => p.Id).ToListAsync());
        Assert.Equal(["p3"], await query.Profiles.AllowScan().Where(p => p.Tags.Count > 2).Select(p => p.Id).ToListAsync());
        Assert.Equal(["p4"], await query.Profiles.AllowScan().Where(p => p.Tags.Contains("z") && p.Id.Length == 2).Select(p => p.Id).ToListAsync());
        Assert.Equal(2, await query.Profiles.AllowScan().CountAsync(p => p.Lucky.Contains(13)));
        Assert.Equal(["p4"], await query.Profiles.AllowScan().Where(p => p.Tags[0] == "z").Select(p => p.Id).ToListAsync());
        Assert.Equal(2, await query.Profiles.AllowScan().CountAsync(p => p.Scores[1] < 2 && p.Readings.ElementAt(2) == 3));
        Assert.Contains("#Tags[0] = :v0", Log.MessagesOf(DynamoDbEventId.ExecutedScan).ElementAt(4));
    }

    [Fact]
    public async Task ExecuteUpdate_adds_to_and_removes_from_sets_and_appends_to_lists()
    {
        await using (var context = CreateContext())
        {
            context.Profiles.Add(Sample("p6"));
            await context.SaveChangesAsync();
        }

        await using (var context = CreateContext())
        {
            var more = new[] { "green" };
            Assert.Equal(1, await context.Profiles.Where(p => p.Id == "p6").ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Labels, p => p.Labels.Union(more).ToHashSet())
                .SetProperty(p => p.Lucky, p => p.Lucky.Except(new[] { 7 }).ToHashSet())
                .SetProperty(p => p.Tags, p => p.Tags.Concat(new[] { "c", "d" }).ToList())));
        }

        var update = Log.MessagesOf(DynamoDbEventId.ExecutedUpdateItem).Last();
        Assert.Contains("list_append", update);
        Assert.Contains("ADD #Labels", update);
        Assert.Contains("DELETE #Lucky", update);

        await using var check = CreateContext();
        var profile = (await check.Profiles.FindAsync("p6"))!;
        Assert.True(profile.Labels.SetEquals(["red", "blue", "green"]));
        Assert.True(profile.Lucky.SetEquals([13]));
        Assert.Equal(["a", "b", "a", "c", "d"], profile.Tags);
    }

    [Fact]
    public async Task A_null_element_in_a_set_is_refused_before_sending()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;
        var profile = Sample("p5");
        profile.Labels = ["x", null!];
        context.Profiles.Add(profile);
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());
        Assert.Contains("null", exception.Message);
        Assert.Empty(transport.Operations);
    }

    [Fact]
    public async Task A_binary_set_with_equal_contents_twice_is_refused_before_sending()
    {
        await using var context = CreateContext();
        var profile = Sample("dup");
        profile.Blobs = [[1, 2], [1, 2]];
        context.Profiles.Add(profile);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        Assert.Contains("'Profile.Blobs'", exception.Message);
        Assert.Contains("same once stored", exception.Message);
        Assert.Empty(await RawItemAsync("Profiles", "dup"));
    }
}
