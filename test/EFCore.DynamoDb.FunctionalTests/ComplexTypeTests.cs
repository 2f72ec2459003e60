using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests;

public class ComplexTypeTests : DynamoDbTestBase<AddressBookContext>
{
    protected override AddressBookContext CreateContext(DbContextOptions<AddressBookContext> options) => new(options);

    private static Contact Ada() => new()
    {
        Id = "c1",
        Name = "Ada",
        Home = new Address { Street = "1 Main St", City = "Paris", Zip = 75001, Location = new Geo { Lat = 48.86, Lon = 2.35 } },
    };

    [Fact]
    public async Task Complex_properties_are_stored_as_nested_maps_and_read_back()
    {
        await using (var context = CreateContext())
        {
            context.Contacts.Add(Ada());
            await context.SaveChangesAsync();
        }

        var item = await RawItemAsync("c1");
        Assert.Equal("Paris", item["Home"].M["City"].S);
        Assert.Equal("75001", item["Home"].M["Zip"].N);
        Assert.Equal("48.86", item["Home"].M["Location"].M["Lat"].N);

        await using var check = CreateContext();
        var contact = (await check.Contacts.FindAsync("c1"))!;
        Assert.Equal("1 Main St", contact.Home.Street);
        Assert.Equal(2.35, contact.Home.Location.Lon);
    }

    [Fact]
    public async Task Changing_a_member_writes_its_path_and_keeps_siblings_other_tools_wrote()
    {
        await using (var context = CreateContext())
        {
            context.Contacts.Add(Ada());
            await context.SaveChangesAsync();
        }

        await RawSetAsync("Contacts", "c1", "Home.Country", new AttributeValue { S = "FR" });

        await using (var context = CreateContext())
        {
            var contact = (await context.Contacts.FindAsync("c1"))!;
            contact.Home.City = "Lyon";
            contact.Home.Location.Lat = 45.76;
            await context.SaveChangesAsync();
        }

        Assert.Contains("SET #Home.#City = :v0, #Home.#Location.#Lat = :v1", Log.MessagesOf(DynamoDbEventId.ExecutedUpdateItem).Single());
        var item = await RawItemAsync("c1");
        Assert.Equal("Lyon", item["Home"].M["City"].S);
        Assert.Equal("FR", item["Home"].M["Country"].S);
        Assert.Equal("1 Main St", item["Home"].M["Street"].S);
    }

    [Fact]
    public async Task Filters_and_projections_reach_into_complex_properties()
    {
        await using (var context = CreateContext())
        {
            context.Contacts.Add(Ada());
            var bob = Ada();
            bob.Id = "c2";
            bob.Home.City = "Oslo";
            bob.Home.Location.Lat = 59.9;
            context.Contacts.Add(bob);
            await context.SaveChangesAsync();
        }

        await using var query = CreateContext();
        Assert.Equal(["c2"], await query.Contacts.AllowScan().Where(c => c.Home.City == "Oslo").Select(c => c.Id).ToListAsync());
        Assert.Equal(["c2"], await query.Contacts.AllowScan().Where(c => c.Home.Location.Lat > 50).Select(c => c.Id).ToListAsync());
        var cities = await query.Contacts.AllowScan().Select(c => new { c.Id, c.Home.City }).ToListAsync();
        Assert.Equal(["Oslo", "Paris"], cities.Select(c => c.City).Order());
        Assert.Contains("ProjectionExpression: #Id, #Home.#City", Log.MessagesOf(DynamoDbEventId.ExecutedScan).Last());
    }

    [Fact]
    public async Task An_optional_complex_value_is_an_absent_map_until_set_and_removed_when_null()
    {
        await using (var context = CreateContext())
        {
            context.Contacts.Add(Ada());
            await context.SaveChangesAsync();
        }

        Assert.False((await RawItemAsync("c1")).ContainsKey("Work"));

        await using (var context = CreateContext())
        {
            var contact = (await context.Contacts.FindAsync("c1"))!;
            Assert.Null(contact.Work);
            contact.Work = new Address { Street = "9 Quay", City = "Nantes", Zip = 44000, Location = new Geo { Lat = 47.2 } };
            await context.SaveChangesAsync();
        }

        Assert.Contains("SET #Work = :v0", Log.MessagesOf(DynamoDbEventId.ExecutedUpdateItem).Last());
        var item = await RawItemAsync("c1");
        Assert.Equal("Nantes", item["Work"].M["City"].S);
        Assert.Equal("47.2", item["Work"].M["Location"].M["Lat"].N);
        Assert.Equal("Paris", item["Home"].M["City"].S);

        await using (var context = CreateContext())
        {
            var contact = (await context.Contacts.FindAsync("c1"))!;
            Assert.Equal("9 Quay", contact.Work!.Street);
            contact.Work.City = "Rennes";
            await context.SaveChangesAsync();
            Assert.Contains("SET #Work.#City = :v0", Log.MessagesOf(DynamoDbEventId.ExecutedUpdateItem).Last());

            contact.Work = null;
            await context.SaveChangesAsync();
        }

        Assert.Contains("REMOVE #Work", Log.MessagesOf(DynamoDbEventId.ExecutedUpdateItem).Last());
        Assert.DoesNotContain("#Work.", Log.MessagesOf(DynamoDbEventId.ExecutedUpdateItem).Last());
        Assert.False((await RawItemAsync("c1")).ContainsKey("Work"));
        await using var check = CreateContext();
        Assert.Null((await check.Contacts.FindAsync("c1"))!.Work);
    }

    private Task<Dictionary<string, AttributeValue>> RawItemAsync(string id) => RawItemAsync("Contacts", id);
}
