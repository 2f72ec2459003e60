using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EFCore.DynamoDb.Storage;

/// <summary>Converters that store dates as Unix epoch seconds, the form DynamoDB's time to live reads.</summary>
internal static class EpochSeconds
{
    public static readonly ValueConverter<DateTime, long> DateTimeConverter = new(
        v => new DateTimeOffset(v.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : v).ToUnixTimeSeconds(),
        v => DateTimeOffset.FromUnixTimeSeconds(v).UtcDateTime);

    public static readonly ValueConverter<DateTimeOffset, long> DateTimeOffsetConverter = new(
        v => v.ToUnixTimeSeconds(),
        v => DateTimeOffset.FromUnixTimeSeconds(v));
}
