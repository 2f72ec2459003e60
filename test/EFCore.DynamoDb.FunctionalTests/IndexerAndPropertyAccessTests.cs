using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests;

/// <summary>Properties read by name: indexer properties (<c>g["Colour"]</c>) and <c>EF.Property</c>, saved, filtered and projected.</summary>
public class IndexerAndPropertyAccessTests : DynamoDbTestBase<FixtureContext>
{
    protected override FixtureContext CreateContext(DbContextOptions<FixtureContext> options) => new(options);

    private static Fixture NewFixture(string code, int stock, string? colour, int? weight)
    {
        var fixture = new Fixture { Shelf = "s1", Code = code, Stock = stock };
        fixture["Colour"] = colour;
        fixture["Weight"] = weight;
        return fixture;
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AddAndSaveAsync(NewFixture("a", 3, "red", 10), NewFixture("b", 7, "blue", null), NewFixture("c", 9, "red", 30), NewFixture("d", 1, null, 5));
    }

    [Fact]
    public async Task Indexer_properties_are_saved_read_filtered_and_projected()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;

        var red = await context.Fixtures.Where(g => g.Shelf == "s1" && (string?)g["Colour"] == "red" && (int?)g["Weight"] > 15).ToListAsync();
        Assert.Equal("c", Assert.Single(red).Code);
        Assert.Equal(30, red[0]["Weight"]);

        var colours = await context.Fixtures.Where(g => g.Shelf == "s1" && g["Colour"] != null).OrderBy(g => g.Code).Select(g => (string?)g["Colour"]).ToListAsync();
        Assert.Equal(["red", "blue", "red"], colours);

        Assert.Equal(["Query", "Query"], transport.Operations);
        Assert.Contains("#Colour = :v1", transport.Requests.First().Body);
    }

    [Fact]
    public async Task EF_Property_and_EF_Constant_filter_like_the_member_and_value_they_name()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;

        var byMember = await context.Fixtures.Where(g => g.Shelf == "s1" && g.Stock > 2).Select(g => g.Code).ToListAsync();
        var byName = await context.Fixtures.Where(g => g.Shelf == "s1" && EF.Property<int>(g, nameof(Fixture.Stock)) > 2).Select(g => g.Code).ToListAsync();
        var byConstant = await context.Fixtures.Where(g => g.Shelf == EF.Constant("s1") && g.Stock > EF.Constant(2)).Select(g => g.Code).ToListAsync();

        Assert.Equal(["a", "b", "c"], byMember);
        Assert.Equal(byMember, byName);
        Assert.Equal(byMember, byConstant);

        // The same request each time: EF.Constant's value is sent as an expression attribute value like any other.
        Assert.Single(transport.Requests.Select(r => r.Body).Distinct());
    }

    [Fact]
    public async Task An_indexer_property_changed_is_the_one_attribute_updated()
    {
        await using (var context = CreateContext())
        {
            var fixture = await context.Fixtures.SingleAsync(g => g.Shelf == "s1" && g.Code == "b");
            fixture["Colour"] = "green";
            await context.SaveChangesAsync();
        }

        await using var check = CreateContext();
        var stored = await check.Fixtures.SingleAsync(g => g.Shelf == "s1" && g.Code == "b");
        Assert.Equal("green", stored["Colour"]);
        Assert.Null(stored["Weight"]);
    }
}
