using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests;

public class TypeRoundTripTests : DynamoDbTestBase<ScalarsContext>
{
    protected override ScalarsContext CreateContext(DbContextOptions<ScalarsContext> options) => new(options);

    private static AllScalars Sample(int sequence) => new()
    {
        Id = new SkuId("42"),
        Sequence = sequence,
        Text = "héllo \"world\"",
        Guid = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"),
        Char = 'z',
        Color = Color.Green,
        ColorAsText = Color.Red,
        DateTime = new DateTime(2026, 5, 6, 7, 8, 9, DateTimeKind.Utc).AddTicks(1234567),
        DateTimeOffset = new DateTimeOffset(2026, 5, 6, 7, 8, 9, TimeSpan.FromHours(-3)).AddTicks(7),
        DateOnly = new DateOnly(2026, 2, 28),
        TimeOnly = new TimeOnly(13, 14, 15, 16),
        TimeSpan = TimeSpan.FromHours(49.5),
        Byte = byte.MaxValue,
        SByte = sbyte.MinValue,
        Short = short.MinValue,
        UShort = ushort.MaxValue,
        Int = int.MinValue,
        UInt = uint.MaxValue,
        Long = long.MaxValue,
        ULong = ulong.MaxValue,
        Float = 3.4028235E+38f,
        Double = 0.1 + 0.2,
        Decimal = 7922816251426433759354395033.5m,
        Bool = true,
        Bytes = [0, 1, 2, 254, 255],
        NullableInt = null,
        NullText = null,
    };

    [Fact]
    public async Task Every_scalar_type_round_trips_exactly_and_is_stored_natively()
    {
        var expected = Sample(1);
        await using (var context = CreateContext())
        {
            context.Scalars.Add(expected);
            await context.SaveChangesAsync();
        }

        await using (var context = CreateContext())
        {
            var actual = await context.Scalars.SingleAsync(e => e.Id == new SkuId("42") && e.Sequence == 1);
            Assert.Equal(expected.Id, actual.Id);
            Assert.Equal(expected.Text, actual.Text);
            Assert.Equal(expected.Guid, actual.Guid);
            Assert.Equal(expected.Char, actual.Char);
            Assert.Equal(expected.Color, actual.Color);
            Assert.Equal(expected.ColorAsText, actual.ColorAsText);
            Assert.Equal(expected.DateTime, actual.DateTime);
            Assert.Equal(DateTimeKind.Utc, actual.DateTime.Kind);
            Assert.Equal(expected.DateTimeOffset, actual.DateTimeOffset);
            Assert.Equal(expected.DateTimeOffset.Offset, actual.DateTimeOffset.Offset);
            Assert.Equal(expected.DateOnly, actual.DateOnly);
            Assert.Equal(expected.TimeOnly, actual.TimeOnly);
            Assert.Equal(expected.TimeSpan, actual.TimeSpan);
            Assert.Equal(expected.Byte, actual.Byte);
            Assert.Equal(expected.SByte, actual.SByte);
            Assert.Equal(expected.Short, actual.Short);
            Assert.Equal(expected.UShort, actual.UShort);
            Assert.Equal(expected.Int, actual.Int);
            Assert.Equal(expected.UInt, actual.UInt);
            Assert.Equal(expected.Long, actual.Long);
            Assert.Equal(expected.ULong, actual.ULong);
            Assert.Equal(expected.Float, actual.Float);
            Assert.Equal(expected.Double, actual.Double);
            Assert.Equal(expected.Decimal, actual.Decimal);
            Assert.True(actual.Bool);
            Assert.Equal(expected.Bytes, actual.Bytes);
            Assert.Null(actual.NullableInt);
            Assert.Null(actual.NullText);
        }

        using var raw = TestDb.RawClient();
        var item = (await raw.GetItemAsync(Prefix + "Scalars", new Dictionary<string, AttributeValue>
        {
            ["Id"] = new() { S = "SKU#42" },
            ["Sequence"] = new() { N = "1" },
        })).Item;
        Assert.Equal("9223372036854775807", item["Long"].N);
        Assert.Equal("7922816251426433759354395033.5", item["Decimal"].N);
        Assert.Equal("2", item["Color"].N);
        Assert.Equal("Red", item["ColorAsText"].S);
        Assert.Equal("2026-05-06T07:08:09.1234567Z", item["DateTime"].S);
        Assert.Equal("2026-05-06T07:08:09.0000007-03:00", item["DateTimeOffset"].S);
        Assert.True(item["Bool"].BOOL);
        Assert.Equal(new byte[] { 0, 1, 2, 254, 255 }, item["Bytes"].B.ToArray());
        Assert.False(item.ContainsKey("NullableInt"));
        Assert.False(item.ContainsKey("NullText"));
    }

    [Fact]
    public async Task Items_written_by_other_tools_read_back_with_NULL_and_absent_attributes()
    {
        using var raw = TestDb.RawClient();
        await raw.PutItemAsync(Prefix + "Scalars", new Dictionary<string, AttributeValue>
        {
            ["Id"] = new() { S = "SKU#7" },
            ["Sequence"] = new() { N = "3" },
            ["Text"] = new() { NULL = true },
            ["Decimal"] = new() { N = "1.5E+3" },
            ["NullableInt"] = new() { N = "12" },
        });

        await using var context = CreateContext();
        var item = await context.Scalars.SingleAsync(e => e.Id == new SkuId("7"));
        Assert.Null(item.Text);
        Assert.Equal(1500m, item.Decimal);
        Assert.Equal(12, item.NullableInt);
        Assert.Equal(0, item.Int);
    }

    [Fact]
    public async Task Sort_key_ranges_and_converted_keys_compare_on_the_server()
    {
        await using (var context = CreateContext())
        {
            for (var i = 1; i <= 5; i++)
            {
                context.Scalars.Add(Sample(i));
            }

            await context.SaveChangesAsync();
        }

        await using (var context = CreateContext())
        {
            var id = new SkuId("42");
            var range = await context.Scalars.Where(e => e.Id == id && e.Sequence >= 2 && e.Sequence <= 4).ToListAsync();
            Assert.Equal([2, 3, 4], range.Select(e => e.Sequence).Order());

            var text = await context.Scalars.Where(e => e.Id == id && e.ColorAsText == Color.Red && e.Color == Color.Green).ToListAsync();
            Assert.Equal(5, text.Count);
        }
    }

    [Fact]
    public async Task Contains_over_local_lists_of_converted_enum_and_nullable_values_matches_LINQ_to_Objects()
    {
        AllScalars[] rows =
        [
            new() { Id = new SkuId("a"), Sequence = 1, ColorAsText = Color.Red, NullableInt = 3 },
            new() { Id = new SkuId("a"), Sequence = 2, ColorAsText = Color.Green, NullableInt = null },
            new() { Id = new SkuId("b"), Sequence = 1, ColorAsText = Color.Green, NullableInt = 5 },
        ];
        await AddAndSaveAsync(rows);
        await using var context = CreateContext(d => d.ScanBehavior(DynamoDbScanBehavior.Allow));
        var colors = new[] { Color.Red };
        var ids = new[] { new SkuId("a"), new SkuId("z") };
        var numbers = new int?[] { 3, null };

        Assert.Equal([1], await context.Scalars.Where(s => colors.Contains(s.ColorAsText)).Select(s => s.Sequence).ToListAsync());
        Assert.Equal(
            rows.Where(r => ids.Contains(r.Id)).Select(r => r.Sequence),
            await context.Scalars.Where(s => ids.Contains(s.Id)).Select(s => s.Sequence).ToListAsync());
        Assert.Equal(
            rows.Where(r => numbers.Contains(r.NullableInt)).Select(r => (r.Id.Value, r.Sequence)).Order(),
            (await context.Scalars.Where(s => numbers.Contains(s.NullableInt)).Select(s => new { s.Id, s.Sequence }).ToListAsync()).Select(r => (r.Id.Value, r.Sequence)).Order());
    }
}
