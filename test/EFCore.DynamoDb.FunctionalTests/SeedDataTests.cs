using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests;

public class SeedDataTests : DynamoDbTestBase<AtlasContext>
{
    protected override AtlasContext CreateContext(DbContextOptions<AtlasContext> options) => new(options);

    [Fact]
    public async Task HasData_is_queryable_right_after_EnsureCreated()
    {
        await using var context = CreateContext();
        var france = await context.Countries.Include(c => c.Regions).SingleAsync(c => c.Code == "FR");
        Assert.Equal("France", france.Name);
        Assert.Equal(["Bretagne", "Provence"], france.Regions.Select(r => r.Name).Order());
        Assert.Equal(3, await context.Regions.AllowScan().CountAsync());
    }

    [Fact]
    public async Task EnsureCreated_does_not_write_seed_data_into_tables_that_exist()
    {
        using var raw = TestDb.RawClient();
        await raw.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Prefix + "Countries",
            Key = new() { ["Code"] = new AttributeValue { S = "NO" } },
            UpdateExpression = "SET #n = :n",
            ExpressionAttributeNames = new() { ["#n"] = "Name" },
            ExpressionAttributeValues = new() { [":n"] = new AttributeValue { S = "Norge" } },
        });
        await raw.DeleteItemAsync(Prefix + "Regions", new() { ["Id"] = new AttributeValue { N = "3" } });

        await using var context = CreateContext();
        Assert.False(await context.Database.EnsureCreatedAsync());

        Assert.Equal("Norge", (await context.Countries.FindAsync("NO"))!.Name);
        Assert.Null(await context.Regions.FindAsync(3));
    }

    [Fact]
    public async Task Generated_keys_start_after_the_seeded_ones()
    {
        await using var context = CreateContext();
        var region = new Region { CountryCode = "NO", Name = "Nordland" };
        context.Regions.Add(region);
        await context.SaveChangesAsync();

        Assert.True(region.Id > 3, $"generated key {region.Id} repeats a seeded one");
        Assert.Equal("Bretagne", (await context.Regions.FindAsync(1))!.Name);
    }
}
