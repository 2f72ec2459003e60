using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests;

public class OwnedTypeTests : DynamoDbTestBase<CrmContext>
{
    protected override CrmContext CreateContext(DbContextOptions<CrmContext> options) => new(options);

    private static Client Ada(string id = "c1") => new()
    {
        Id = id,
        Name = "Ada",
        Home = new PostalAddress { Street = "1 Main St", City = "Paris", Position = new Position { Lat = 48.86, Lon = 2.35 } },
        Orders =
        [
            new Purchase { Number = "A-1", Total = 10.5m, Skus = ["x", "y"], Shipment = new Shipment { Carrier = "ups", Days = 2 } },
            new Purchase { Number = "A-2", Total = 3m },
        ],
        Preferences = new Preferences { Language = "fr", Newsletter = true },
    };

    private Task SaveAsync(params Client[] clients) => AddAndSaveAsync(clients);

    private Task<Dictionary<string, AttributeValue>> RawItemAsync(string id) => RawItemAsync("Clients", id);

    [Fact]
    public async Task Owned_references_and_collections_are_maps_and_lists_of_maps_in_the_owners_item()
    {
        await SaveAsync(Ada());

        var item = await RawItemAsync("c1");
        Assert.Equal(["Home", "Id", "Name", "Orders", "Preferences"], item.Keys.Order());
        Assert.Equal("Paris", item["Home"].M["city"].S);
        Assert.Equal("48.86", item["Home"].M["Position"].M["Lat"].N);
        Assert.Equal(["Position", "Street", "city"], item["Home"].M.Keys.Order(StringComparer.Ordinal));
        var orders = item["Orders"].L;
        Assert.Equal(["A-1", "A-2"], orders.Select(o => o.M["Number"].S));
        Assert.Equal("10.5", orders[0].M["Total"].N);
        Assert.Equal(["x", "y"], orders[0].M["Skus"].L.Select(s => s.S));
        Assert.Equal("ups", orders[0].M["Shipment"].M["Carrier"].S);
        Assert.False(orders[1].M.ContainsKey("Shipment"));
        // Neither the owner's key nor the position is stored in the owned maps.
        Assert.Equal(["Number", "Shipment", "Skus", "Total"], orders[0].M.Keys.Order());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Owned_entities_are_read_back_with_their_owner(bool tracking)
    {
        await SaveAsync(Ada());

        await using var context = CreateContext();
        var query = tracking ? context.Clients : context.Clients.AsNoTracking();
        var client = await query.SingleAsync(c => c.Id == "c1");
        Assert.Equal("Paris", client.Home!.City);
        Assert.Equal(2.35, client.Home.Position!.Lon);
        Assert.Equal(["A-1", "A-2"], client.Orders.Select(o => o.Number));
        Assert.Equal(["x", "y"], client.Orders[0].Skus);
        Assert.Equal("ups", client.Orders[0].Shipment!.Carrier);
        Assert.Null(client.Orders[1].Shipment);
        // Created by the constructor, replaced by the stored map.
        Assert.Equal(("fr", true), (client.Preferences.Language, client.Preferences.Newsletter));
        Assert.Equal(tracking ? 7 : 0, context.ChangeTracker.Entries().Count());
        if (tracking)
        {
            Assert.All(context.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
            Assert.Equal([1, 2], context.ChangeTracker.Entries<Purchase>().Select(e => (int)e.Property("Id").CurrentValue!).Order());
        }
    }

    [Fact]
    public async Task Find_and_repeated_queries_return_the_tracked_graph()
    {
        await SaveAsync(Ada());

        await using var context = CreateContext();
        var found = (await context.Clients.FindAsync("c1"))!;
        found.Home!.City = "changed locally";
        var again = await context.Clients.SingleAsync(c => c.Id == "c1");
        Assert.Same(found, again);
        Assert.Equal("changed locally", again.Home!.City);
        Assert.Equal(2, again.Orders.Count);
    }

    [Fact]
    public async Task Changing_a_member_of_an_owned_reference_sets_its_path_and_keeps_siblings()
    {
        await SaveAsync(Ada());
        await RawSetAsync("Clients", "c1", "Home.Country", new AttributeValue { S = "FR" });

        await using (var context = CreateContext())
        {
            var client = (await context.Clients.FindAsync("c1"))!;
            client.Home!.City = "Lyon";
            client.Home.Position!.Lat = 45.76;
            await context.SaveChangesAsync();
            Assert.All(context.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
        }

        var update = Log.MessagesOf(DynamoDbEventId.ExecutedUpdateItem).Single();
        Assert.Contains("SET #Home.#city = :v0, #Home.#Position.#Lat = :v1", update);
        Assert.DoesNotContain("Orders", update);
        var item = await RawItemAsync("c1");
        Assert.Equal("Lyon", item["Home"].M["city"].S);
        Assert.Equal("FR", item["Home"].M["Country"].S);
        Assert.Equal("45.76", item["Home"].M["Position"].M["Lat"].N);
        Assert.Equal("2.35", item["Home"].M["Position"].M["Lon"].N);
    }

    [Fact]
    public async Task ExecuteUpdate_of_a_member_of_an_owned_reference_is_refused()
    {
        await using var context = CreateContext();
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Clients.Where(c => c.Id == "c1").ExecuteUpdateAsync(s => s.SetProperty(c => c.Home!.City, "Lyon")));
        Assert.Contains("City", exception.Message);
    }

    [Fact]
    public async Task Replacing_or_removing_an_owned_reference_rewrites_or_removes_that_map_only()
    {
        await SaveAsync(Ada());

        await using (var context = CreateContext())
        {
            var client = (await context.Clients.FindAsync("c1"))!;
            client.Home = new PostalAddress { Street = "2 Rue", City = "Nice" };
            await context.SaveChangesAsync();
        }

        Assert.Contains("SET #Home = :v0", Log.MessagesOf(DynamoDbEventId.ExecutedUpdateItem).Last());
        var item = await RawItemAsync("c1");
        Assert.Equal("Nice", item["Home"].M["city"].S);
        Assert.False(item["Home"].M.ContainsKey("Position"));

        await using (var context = CreateContext())
        {
            var client = (await context.Clients.FindAsync("c1"))!;
            Assert.Null(client.Home!.Position);
            client.Home = null;
            await context.SaveChangesAsync();
        }

        Assert.Contains("REMOVE #Home", Log.MessagesOf(DynamoDbEventId.ExecutedUpdateItem).Last());
        item = await RawItemAsync("c1");
        Assert.False(item.ContainsKey("Home"));
        Assert.Equal(2, item["Orders"].L.Count);

        await using var check = CreateContext();
        Assert.Null((await check.Clients.FindAsync("c1"))!.Home);
    }

    [Fact]
    public async Task Adding_changing_and_removing_owned_collection_elements_rewrites_the_list()
    {
        await SaveAsync(Ada());

        await using (var context = CreateContext())
        {
            var client = (await context.Clients.FindAsync("c1"))!;
            client.Orders[1].Total = 4m;
            client.Orders.RemoveAt(0);
            client.Orders.Add(new Purchase { Number = "A-3", Total = 1m, Shipment = new Shipment { Carrier = "dhl", Days = 1 } });
            await context.SaveChangesAsync();
            Assert.All(context.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));

            // Saved again in the same context: the new element got a position of its own.
            client.Orders.Add(new Purchase { Number = "A-4" });
            await context.SaveChangesAsync();
        }

        var update = Log.MessagesOf(DynamoDbEventId.ExecutedUpdateItem).First();
        Assert.Contains("SET #Orders = :v0", update);
        Assert.DoesNotContain("Home", update);
        var item = await RawItemAsync("c1");
        Assert.Equal(["A-2", "A-3", "A-4"], item["Orders"].L.Select(o => o.M["Number"].S));
        Assert.Equal("4", item["Orders"].L[0].M["Total"].N);
        Assert.Equal("Paris", item["Home"].M["city"].S);

        await using var check = CreateContext();
        var reloaded = await check.Clients.AsNoTracking().SingleAsync(c => c.Id == "c1");
        Assert.Equal(["A-2", "A-3", "A-4"], reloaded.Orders.Select(o => o.Number));
        Assert.Equal("dhl", reloaded.Orders[1].Shipment!.Carrier);
    }

    [Fact]
    public async Task Owners_found_through_a_keys_only_index_are_read_whole_from_the_table()
    {
        await SaveAsync(Ada());

        await using var context = CreateContext();
        var client = await context.Clients.AsNoTracking().SingleAsync(c => c.Name == "Ada");
        Assert.Contains("by-name", Log.MessagesOf(DynamoDbEventId.ExecutedQuery).Single());
        Assert.Single(Log.MessagesOf(DynamoDbEventId.ExecutedBatchGetItem));
        Assert.Equal("Paris", client.Home!.City);
        Assert.Equal(2, client.Orders.Count);
    }

    [Fact]
    public async Task Querying_an_owner_saved_in_the_same_context_keeps_its_tracked_owned_entities()
    {
        await using var context = CreateContext();
        var client = Ada();
        context.Clients.Add(client);
        await context.SaveChangesAsync();
        client.Orders.RemoveAt(0);
        await context.SaveChangesAsync();

        var queried = await context.Clients.SingleAsync(c => c.Id == "c1");
        Assert.Same(client, queried);
        Assert.Equal(["A-2"], queried.Orders.Select(o => o.Number));
        Assert.Single(context.ChangeTracker.Entries<Purchase>());
    }

    [Fact]
    public async Task Deleting_the_owner_deletes_one_item()
    {
        await SaveAsync(Ada(), Ada("c2"));

        await using (var context = CreateContext())
        {
            context.Clients.Remove((await context.Clients.FindAsync("c1"))!);
            await context.SaveChangesAsync();
        }

        Assert.Single(Log.MessagesOf(DynamoDbEventId.ExecutedDeleteItem));
        Assert.Empty(await RawItemAsync("c1"));
        await using var check = CreateContext();
        Assert.Equal(["c2"], await check.Clients.AllowScan().Select(c => c.Id).ToListAsync());
    }

    [Fact]
    public async Task Owned_data_written_by_other_tools_reads_back_and_absent_maps_are_null()
    {
        using var raw = TestDb.RawClient();
        await raw.PutItemAsync(Prefix + "Clients", new Dictionary<string, AttributeValue>
        {
            ["Id"] = new() { S = "x1" },
            ["Name"] = new() { S = "from the SDK" },
            ["Orders"] = new() { L = [new() { M = new() { ["Number"] = new() { S = "S-1" }, ["Total"] = new() { N = "7" } } }] },
        });
        await raw.PutItemAsync(Prefix + "Clients", new Dictionary<string, AttributeValue>
        {
            ["Id"] = new() { S = "x2" },
            ["Name"] = new() { S = "nothing owned" },
            ["Home"] = new() { NULL = true },
        });

        await using var context = CreateContext();
        var first = (await context.Clients.FindAsync("x1"))!;
        Assert.Null(first.Home);
        Assert.Equal(("S-1", 7m), (first.Orders.Single().Number, first.Orders.Single().Total));
        var second = (await context.Clients.FindAsync("x2"))!;
        Assert.Null(second.Home);
        Assert.Empty(second.Orders);
    }

    [Fact]
    public async Task Filters_reach_into_owned_references()
    {
        var bob = Ada("c2");
        bob.Home!.City = "Oslo";
        bob.Home.Position!.Lat = 59.9;
        await SaveAsync(Ada(), bob);

        await using var context = CreateContext();
        Assert.Equal(["c2"], await context.Clients.AllowScan().Where(c => c.Home!.City == "Oslo").Select(c => c.Id).ToListAsync());
        Assert.Contains("#Home.#city = :v0", Log.MessagesOf(DynamoDbEventId.ExecutedScan).Last());
        Assert.Equal(["c2"], await context.Clients.AllowScan().Where(c => c.Home!.Position!.Lat > 50).Select(c => c.Id).ToListAsync());
        var cities = await context.Clients.AllowScan().Select(c => new { c.Id, c.Home!.City }).ToListAsync();
        Assert.Equal(["Oslo", "Paris"], cities.Select(c => c.City).Order());
    }

    [Fact]
    public async Task Filters_reach_owned_collection_elements_by_index_and_their_count()
    {
        var bob = Ada("c2");
        bob.Orders.RemoveAt(1);
        bob.Orders[0].Number = "B-1";
        var cy = Ada("c3");
        cy.Orders.Clear();
        await SaveAsync(Ada(), bob, cy);

        await using var context = CreateContext();
        Assert.Equal(["c2"], await Ids(context.Clients.AllowScan().Where(c => c.Orders[0].Number == "B-1")));
        Assert.Contains("#Orders[0].#Number = :v0", Log.MessagesOf(DynamoDbEventId.ExecutedScan).Last());
        Assert.Equal(["c1"], await Ids(context.Clients.AllowScan().Where(c => c.Orders.Count > 1)));
        Assert.Equal(["c3"], await Ids(context.Clients.AllowScan().Where(c => c.Orders.Count == 0)));
        Assert.Equal(["c1", "c2"], await Ids(context.Clients.AllowScan().Where(c => c.Orders.Any())));
        Assert.Equal(["c1", "c2"], await Ids(context.Clients.AllowScan().Where(c => c.Orders[0].Shipment!.Carrier == "ups")));
    }

    private static async Task<List<string>> Ids(IQueryable<Client> query)
        => (await query.Select(c => c.Id).ToListAsync()).Order().ToList();

    [Fact]
    public async Task Owned_entities_projected_in_a_tracking_query_are_refused()
    {
        await using var context = CreateContext();
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Clients.Where(c => c.Id == "c1").Select(c => c.Home).ToListAsync());
        Assert.Contains("PostalAddress", exception.Message);
        Assert.Contains("AsNoTracking", exception.Message);
    }

    [Fact]
    public async Task Owned_entities_can_be_projected_without_tracking()
    {
        await SaveAsync(Ada());

        await using var context = CreateContext();
        var home = await context.Clients.AsNoTracking().Where(c => c.Id == "c1").Select(c => c.Home).SingleAsync();
        Assert.Equal("Paris", home!.City);
        Assert.Equal(48.86, home.Position!.Lat);
        var orders = await context.Clients.AsNoTracking().Where(c => c.Id == "c1").Select(c => c.Orders).SingleAsync();
        Assert.Equal(["A-1", "A-2"], orders.Select(o => o.Number));
    }

    [Fact]
    public async Task A_required_member_of_an_owned_entity_left_null_is_refused_before_sending()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;
        var client = Ada("owned-null");
        client.Home = new PostalAddress { Street = "1 Main St", City = null! };
        context.Add(client);

        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());

        Assert.Contains("'City'", exception.Message);
        Assert.Empty(transport.Operations);
    }
}
