using System.Globalization;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests;

/// <summary>
/// Numbers, dates and keys are written for DynamoDB in one invariant form: an application running under a culture with
/// a decimal comma (de-DE) stores, filters and reads the same values as any other.
/// </summary>
public class CultureTests : DynamoDbTestBase<ScalarsContext>
{
    protected override ScalarsContext CreateContext(DbContextOptions<ScalarsContext> options) => new(options);

    [Fact]
    public async Task Saves_and_queries_under_a_decimal_comma_culture_store_and_find_invariant_values()
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.Equal("1,5", 1.5m.ToString(CultureInfo.CurrentCulture));
            await AddAndSaveAsync(
                new AllScalars { Id = new SkuId("de"), Sequence = 1, Decimal = 1.5m, Double = 2.25, Float = 0.5f, DateTime = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc) },
                new AllScalars { Id = new SkuId("de"), Sequence = 2, Decimal = 1000.75m, Double = -3.125, Float = 0.25f });

            await using var context = CreateContext();
            var found = await context.Scalars
                .Where(s => s.Id == new SkuId("de") && s.Decimal > 1.25m && s.Double < 2.5 && s.Float >= 0.5f)
                .Select(s => s.Sequence)
                .ToListAsync();
            Assert.Equal([1], found);
            Assert.Contains("N:1.25", context.Scalars.Where(s => s.Id == new SkuId("de") && s.Decimal > 1.25m).ToQueryString());

            var item = await RawItemAsync(2);
            Assert.Equal(("1000.75", "-3.125", "0.25"), (item["Decimal"].N, item["Double"].N, item["Float"].N));
            Assert.Equal("2026-03-04T05:06:07.0000000Z", (await RawItemAsync(1))["DateTime"].S);

            var updated = await context.Scalars.Where(s => s.Id == new SkuId("de") && s.Sequence == 2)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Decimal, x => x.Decimal + 0.25m));
            Assert.Equal(1, updated);
            Assert.Equal(1001m, decimal.Parse((await RawItemAsync(2))["Decimal"].N, CultureInfo.InvariantCulture));

            var tracked = await context.Scalars.SingleAsync(s => s.Id == new SkuId("de") && s.Sequence == 1);
            tracked.Double = 6.75;
            await context.SaveChangesAsync();
            Assert.Equal("6.75", (await RawItemAsync(1))["Double"].N);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private async Task<Dictionary<string, AttributeValue>> RawItemAsync(int sequence)
    {
        using var raw = TestDb.RawClient();
        var key = new Dictionary<string, AttributeValue>
        {
            ["Id"] = new() { S = "SKU#de" },
            ["Sequence"] = new() { N = sequence.ToString(CultureInfo.InvariantCulture) },
        };
        return (await raw.GetItemAsync(Prefix + "Scalars", key)).Item;
    }
}
