using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Tests;

public class TypeMappingTests
{
    private static readonly ITypeMappingSource Source = new ReadingContext().GetService<ITypeMappingSource>();

    private static DynamoDbTypeMapping Mapping<T>() => (DynamoDbTypeMapping)Source.FindMapping(typeof(T))!;

    private static T RoundTrip<T>(T value)
    {
        var mapping = Mapping<T>();
        var stored = mapping.ToAttributeValue(value)!;
        var parameter = System.Linq.Expressions.Expression.Parameter(typeof(AttributeValue));
        var read = System.Linq.Expressions.Expression.Lambda<Func<AttributeValue, T>>(mapping.CreateReadExpression(parameter, typeof(T)), parameter).Compile();
        return read(stored);
    }

    [Theory]
    [InlineData(typeof(string), "S")]
    [InlineData(typeof(Guid), "S")]
    [InlineData(typeof(char), "S")]
    [InlineData(typeof(DateTime), "S")]
    [InlineData(typeof(DateTimeOffset), "S")]
    [InlineData(typeof(DateOnly), "S")]
    [InlineData(typeof(TimeOnly), "S")]
    [InlineData(typeof(TimeSpan), "S")]
    [InlineData(typeof(int), "N")]
    [InlineData(typeof(long), "N")]
    [InlineData(typeof(short), "N")]
    [InlineData(typeof(byte), "N")]
    [InlineData(typeof(sbyte), "N")]
    [InlineData(typeof(uint), "N")]
    [InlineData(typeof(ulong), "N")]
    [InlineData(typeof(ushort), "N")]
    [InlineData(typeof(float), "N")]
    [InlineData(typeof(double), "N")]
    [InlineData(typeof(decimal), "N")]
    [InlineData(typeof(Level), "N")]
    [InlineData(typeof(bool), "BOOL")]
    [InlineData(typeof(byte[]), "B")]
    [InlineData(typeof(int?), "N")]
    public void Scalar_types_map_to_native_attribute_types(Type clrType, string descriptor)
        => Assert.Equal(descriptor, ((DynamoDbTypeMapping)Source.FindMapping(clrType)!).Codec.TypeDescriptor);

    [Fact]
    public void Unsupported_type_has_no_mapping() => Assert.Null(Source.FindMapping(typeof(Stream)));

    [Fact]
    public void Numbers_round_trip_exactly()
    {
        Assert.Equal(long.MaxValue, RoundTrip(long.MaxValue));
        Assert.Equal(long.MinValue, RoundTrip(long.MinValue));
        Assert.Equal(ulong.MaxValue, RoundTrip(ulong.MaxValue));
        Assert.Equal(decimal.MaxValue, RoundTrip(decimal.MaxValue));
        Assert.Equal(0.1234567890123456789012345678m, RoundTrip(0.1234567890123456789012345678m));
        Assert.Equal(0.1 + 0.2, RoundTrip(0.1 + 0.2));
        Assert.Equal(float.Epsilon, RoundTrip(float.Epsilon));
        Assert.Equal("9223372036854775807", Mapping<long>().ToAttributeValue(long.MaxValue)!.N);
    }

    [Fact]
    public void Non_finite_numbers_are_refused()
        => Assert.Throws<InvalidOperationException>(() => Mapping<double>().ToAttributeValue(double.NaN));

    [Fact]
    public void Dates_round_trip_with_offset_and_kind()
    {
        var offset = new DateTimeOffset(2026, 3, 4, 5, 6, 7, 891, TimeSpan.FromHours(5.5)).AddTicks(2345);
        Assert.Equal(offset.Offset, RoundTrip(offset).Offset);
        Assert.Equal(offset, RoundTrip(offset));

        var utc = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1);
        Assert.Equal(DateTimeKind.Utc, RoundTrip(utc).Kind);
        Assert.Equal(utc, RoundTrip(utc));

        var unspecified = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Unspecified);
        Assert.Equal(DateTimeKind.Unspecified, RoundTrip(unspecified).Kind);

        Assert.Equal(new DateOnly(2026, 12, 31), RoundTrip(new DateOnly(2026, 12, 31)));
        Assert.Equal(new TimeOnly(23, 59, 59, 999), RoundTrip(new TimeOnly(23, 59, 59, 999)));
        Assert.Equal(TimeSpan.FromDays(400.5), RoundTrip(TimeSpan.FromDays(400.5)));
        Assert.Equal(TimeSpan.FromMinutes(-90), RoundTrip(TimeSpan.FromMinutes(-90)));
    }

    [Fact]
    public void Stored_dates_sort_in_time_order()
    {
        var dates = new[]
        {
            new DateTime(2025, 12, 31, 23, 59, 59, DateTimeKind.Utc),
            new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1),
            new DateTime(2026, 1, 10, 0, 0, 0, DateTimeKind.Utc),
        };
        var stored = dates.Select(d => Mapping<DateTime>().ToAttributeValue(d)!.S).ToList();
        Assert.Equal(stored, stored.OrderBy(s => s, StringComparer.Ordinal));

        var durations = new[] { TimeSpan.Zero, TimeSpan.FromHours(23), TimeSpan.FromDays(1), TimeSpan.FromDays(12) };
        var storedDurations = durations.Select(d => Mapping<TimeSpan>().ToAttributeValue(d)!.S).ToList();
        Assert.Equal(storedDurations, storedDurations.OrderBy(s => s, StringComparer.Ordinal));
    }

    [Fact]
    public void Other_scalars_round_trip()
    {
        var guid = Guid.NewGuid();
        Assert.Equal(guid, RoundTrip(guid));
        Assert.Equal('x', RoundTrip('x'));
        Assert.True(RoundTrip(true));
        Assert.Equal([1, 2, 255], RoundTrip(new byte[] { 1, 2, 255 }));
        Assert.Equal(Level.High, RoundTrip(Level.High));
        Assert.Equal("1", Mapping<Level>().ToAttributeValue(Level.High)!.N);
    }

    [Fact]
    public void Reading_an_attribute_of_another_type_says_what_was_found()
    {
        var mapping = Mapping<int>();
        var parameter = System.Linq.Expressions.Expression.Parameter(typeof(AttributeValue));
        var read = System.Linq.Expressions.Expression.Lambda<Func<AttributeValue, int>>(mapping.CreateReadExpression(parameter, typeof(int)), parameter).Compile();
        var exception = Assert.Throws<InvalidOperationException>(() => read(new AttributeValue { S = "12" }));
        Assert.Contains("type S", exception.Message);
    }

    [Fact]
    public void Key_identities_compare_numbers_by_value_as_DynamoDB_answers_them()
    {
        static string Of(string number) => EFCore.DynamoDb.Storage.DynamoDbKeyIdentity.Of(
            "t", new Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue> { ["k"] = new() { N = number } });

        Assert.Equal(Of("1.5"), Of("1.50"));
        Assert.Equal(Of("100"), Of("1E+2"));
        Assert.NotEqual(Of("1.5"), Of("15"));
    }
}
