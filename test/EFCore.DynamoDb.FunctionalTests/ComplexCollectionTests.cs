using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests;

public class ComplexCollectionTests : DynamoDbTestBase<OrderBookContext>
{
    protected override OrderBookContext CreateContext(DbContextOptions<OrderBookContext> options) => new(options);

    private static PurchaseOrder Order(string id, params (string Sku, int Quantity)[] lines) => new()
    {
        Id = id,
        Customer = "ada",
        Lines = lines.Select(l => new OrderLine
        {
            Sku = l.Sku,
            Quantity = l.Quantity,
            Price = 2.5m,
            Tags = ["new"],
            Discount = new Discount { Code = "D" + l.Sku, Percent = 10 },
        }).ToList(),
        Shipping = new Shipping { Carrier = "ups", Stops = [new Stop { Place = "hub", Minutes = 30 }, new Stop { Place = "door", Minutes = 5 }] },
    };

    private Task SaveAsync(params PurchaseOrder[] orders) => AddAndSaveAsync(orders);

    private Task<Dictionary<string, AttributeValue>> RawItemAsync(string id) => RawItemAsync("Orders", id);

    [Fact]
    public async Task Complex_collections_are_stored_as_lists_of_maps_and_read_back_in_order()
    {
        await SaveAsync(Order("o1", ("A", 1), ("B", 2), ("C", 3)));

        var item = await RawItemAsync("o1");
        var lines = item["Lines"].L;
        Assert.Equal(["A", "B", "C"], lines.Select(l => l.M["Sku"].S));
        Assert.Equal("2", lines[1].M["qty"].N);
        Assert.Equal("2.5", lines[1].M["Price"].N);
        Assert.Equal("new", lines[1].M["Tags"].L[0].S);
        Assert.Equal("DB", lines[1].M["Discount"].M["Code"].S);
        Assert.Equal(["hub", "door"], item["Shipping"].M["Stops"].L.Select(s => s.M["Place"].S));
        Assert.False(item.ContainsKey("Returns"));

        await using var check = CreateContext();
        var order = (await check.Orders.FindAsync("o1"))!;
        Assert.Equal(["A", "B", "C"], order.Lines.Select(l => l.Sku));
        Assert.Equal([1, 2, 3], order.Lines.Select(l => l.Quantity));
        Assert.Equal(10, order.Lines[2].Discount.Percent);
        Assert.Equal(["hub", "door"], order.Shipping.Stops.Select(s => s.Place));
        Assert.Null(order.Returns);

        var untracked = await check.Orders.AsNoTracking().SingleAsync(o => o.Id == "o1");
        Assert.Equal([2.5m, 2.5m, 2.5m], untracked.Lines.Select(l => l.Price));
        Assert.Equal(30, untracked.Shipping.Stops[0].Minutes);
    }

    [Fact]
    public async Task A_complex_collection_of_records_round_trips()
    {
        var order = Order("o9", ("A", 1));
        order.Notes = [new OrderNote("ann", "first"), new OrderNote("bob", "second")];
        await SaveAsync(order);

        await using var check = CreateContext();
        Assert.Equal([new OrderNote("ann", "first"), new OrderNote("bob", "second")], (await check.Orders.FindAsync("o9"))!.Notes);
        Assert.Equal("bob", (await check.Orders.AsNoTracking().SingleAsync(o => o.Id == "o9")).Notes[1].Author);
    }

    [Fact]
    public async Task Changing_an_element_rewrites_that_list_only_and_keeps_other_attributes()
    {
        await SaveAsync(Order("o1", ("A", 1), ("B", 2)));
        await RawSetAsync("Orders", "o1", "Note", new AttributeValue { S = "written by another tool" });

        await using (var context = CreateContext())
        {
            var order = (await context.Orders.FindAsync("o1"))!;
            order.Lines[1].Quantity = 7;
            await context.SaveChangesAsync();
        }

        var update = Log.MessagesOf(DynamoDbEventId.ExecutedUpdateItem).Single();
        Assert.Contains("UpdateExpression: SET #Lines = :v0", update);
        Assert.DoesNotContain("Shipping", update);
        var item = await RawItemAsync("o1");
        Assert.Equal(["1", "7"], item["Lines"].L.Select(l => l.M["qty"].N));
        Assert.Equal("written by another tool", item["Note"].S);
        Assert.Equal("ups", item["Shipping"].M["Carrier"].S);
    }

    [Fact]
    public async Task Adding_removing_and_reordering_elements_is_saved()
    {
        await SaveAsync(Order("o1", ("A", 1), ("B", 2), ("C", 3)));

        await using (var context = CreateContext())
        {
            var order = (await context.Orders.FindAsync("o1"))!;
            order.Lines.RemoveAt(0);
            order.Lines.Reverse();
            order.Lines.Add(new OrderLine { Sku = "D", Quantity = 4 });
            order.Shipping.Stops.Clear();
            order.Returns = [new Stop { Place = "depot", Minutes = 1 }];
            await context.SaveChangesAsync();
        }

        await using (var check = CreateContext())
        {
            var order = (await check.Orders.FindAsync("o1"))!;
            Assert.Equal(["C", "B", "D"], order.Lines.Select(l => l.Sku));
            Assert.Empty(order.Shipping.Stops);
            Assert.Equal("depot", Assert.Single(order.Returns!).Place);

            order.Returns = null;
            await check.SaveChangesAsync();
        }

        var item = await RawItemAsync("o1");
        Assert.False(item.ContainsKey("Returns"));
        Assert.Empty(item["Shipping"].M["Stops"].L);
        Assert.Contains("REMOVE #Returns", Log.MessagesOf(DynamoDbEventId.ExecutedUpdateItem).Last());
    }

    [Fact]
    public async Task Lists_of_maps_written_by_other_tools_read_back()
    {
        using var raw = TestDb.RawClient();
        await raw.PutItemAsync(Prefix + "Orders", new Dictionary<string, AttributeValue>
        {
            ["Id"] = new() { S = "x1" },
            ["Customer"] = new() { S = "sdk" },
            ["Lines"] = new()
            {
                L =
                [
                    new() { M = new() { ["Sku"] = new() { S = "Z" }, ["qty"] = new() { N = "9" }, ["Price"] = new() { N = "1.25" }, ["Extra"] = new() { S = "ignored" } } },
                ],
            },
            ["Returns"] = new() { NULL = true },
        });

        await using var context = CreateContext();
        var order = await context.Orders.AsNoTracking().SingleAsync(o => o.Id == "x1");
        var line = Assert.Single(order.Lines);
        Assert.Equal(("Z", 9, 1.25m), (line.Sku, line.Quantity, line.Price));
        Assert.Null(line.Tags); // absent, as for a top-level list

        Assert.Empty(order.Shipping.Stops);
        Assert.Null(order.Returns);
    }

    [Fact]
    public async Task Filters_reach_elements_by_index_and_collection_sizes()
    {
        await SaveAsync(Order("o1", ("A", 1)), Order("o2", ("B", 2), ("A", 5)), Order("o3"));
        using (var raw = TestDb.RawClient())
        {
            // Written by another tool without the list: it reads back as an empty collection, and filters agree.
            await raw.PutItemAsync(Prefix + "Orders", new Dictionary<string, AttributeValue> { ["Id"] = new() { S = "o4" } });
        }

        await using var context = CreateContext();
        Assert.Equal(["o1"], await Ids(context.Orders.AllowScan().Where(o => o.Lines[0].Sku == "A")));
        Assert.Equal(["o2"], await Ids(context.Orders.AllowScan().Where(o => o.Lines[1].Quantity >= 5)));
        Assert.Contains("#Lines[1].#qty >= :v0", Log.MessagesOf(DynamoDbEventId.ExecutedScan).Last());
        Assert.Equal(["o2"], await Ids(context.Orders.AllowScan().Where(o => o.Lines.Count > 1)));
        Assert.Equal(["o3", "o4"], await Ids(context.Orders.AllowScan().Where(o => o.Lines.Count == 0)));
        Assert.Equal(["o1", "o3", "o4"], await Ids(context.Orders.AllowScan().Where(o => o.Lines.Count < 2)));
        Assert.Equal(["o3", "o4"], await Ids(context.Orders.AllowScan().Where(o => !o.Lines.Any())));
        Assert.Equal(["o1", "o2"], await Ids(context.Orders.AllowScan().Where(o => o.Shipping.Stops[1].Place == "door" && o.Lines.Count > 0)));
        Assert.Equal(["o2"], await Ids(context.Orders.AllowScan().Where(o => o.Lines[0].Discount.Code == "DB")));

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Orders.AllowScan().Where(o => o.Lines.Any(l => l.Sku == "A")).ToListAsync());
        Assert.Contains("Lines", exception.Message);
    }

    [Fact]
    public async Task Projections_materialize_complex_collections()
    {
        await SaveAsync(Order("o1", ("A", 1), ("B", 2)));

        await using var context = CreateContext();
        var projected = await context.Orders.Where(o => o.Id == "o1").Select(o => new { o.Customer, o.Lines }).SingleAsync();
        Assert.Equal(["A", "B"], projected.Lines.Select(l => l.Sku));
        Assert.Equal(2, await context.Orders.Where(o => o.Id == "o1").Select(o => o.Lines.Count).SingleAsync());
    }

    [Fact]
    public async Task A_null_element_is_refused_before_sending()
    {
        var order = Order("o1", ("A", 1));
        order.Lines.Add(null!);
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;
        context.Orders.Add(order);
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => context.SaveChangesAsync());
        Assert.Contains("PurchaseOrder.Lines", exception.Message);
        Assert.Empty(transport.Operations);
    }

    private static async Task<List<string>> Ids(IQueryable<PurchaseOrder> query)
        => (await query.Select(o => o.Id).ToListAsync()).Order().ToList();
}
