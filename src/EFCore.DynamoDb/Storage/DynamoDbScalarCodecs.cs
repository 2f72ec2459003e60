using System.Globalization;
using System.Numerics;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;

namespace EFCore.DynamoDb.Storage;

/// <summary>
/// The codec of every CLR type the provider stores natively. Numbers are written as exact invariant text (N),
/// dates and times as ISO 8601 text that sorts in time order (S), so key conditions compare correctly.
/// </summary>
internal static class DynamoDbScalarCodecs
{
    private const string TimeSpanFormat = @"dddddddd\.hh\:mm\:ss\.fffffff";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly Dictionary<Type, DynamoDbScalarCodec> Codecs = new DynamoDbScalarCodec[]
    {
        new DynamoDbScalarCodec<string>(DynamoDbAttributeType.String, v => new AttributeValue { S = CheckUtf16(v) }, ReadString),
        new DynamoDbScalarCodec<bool>(
            DynamoDbAttributeType.Boolean,
            v => new AttributeValue { BOOL = v },
            v => v.BOOL ?? throw Mismatch("BOOL", v)),
        new DynamoDbScalarCodec<byte[]>(
            DynamoDbAttributeType.Binary,
            v => new AttributeValue { B = new MemoryStream(v, writable: false) },
            v => v.B?.ToArray() ?? throw Mismatch("B", v)),
        new DynamoDbScalarCodec<Guid>(DynamoDbAttributeType.String, v => new AttributeValue { S = v.ToString("D") }, v => Guid.Parse(ReadString(v))),
        new DynamoDbScalarCodec<char>(DynamoDbAttributeType.String, v => new AttributeValue { S = v.ToString() }, v => char.Parse(ReadString(v))),
        Integer<int>(), Integer<long>(), Integer<short>(), Integer<sbyte>(),
        Integer<uint>(), Integer<ulong>(), Integer<ushort>(), Integer<byte>(),
        new DynamoDbScalarCodec<double>(DynamoDbAttributeType.Number, v => Number(CheckNumber(v).ToString("R", Invariant)), v => double.Parse(ReadNumber(v), NumberStyles.Float, Invariant)),
        new DynamoDbScalarCodec<float>(DynamoDbAttributeType.Number, v => Number(CheckNumber(v).ToString("R", Invariant)), v => float.Parse(ReadNumber(v), NumberStyles.Float, Invariant)),
        new DynamoDbScalarCodec<decimal>(DynamoDbAttributeType.Number, v => Number(v.ToString(Invariant)), v => decimal.Parse(ReadNumber(v), NumberStyles.Float, Invariant)),
        new DynamoDbScalarCodec<DateTime>(
            DynamoDbAttributeType.String,
            v => new AttributeValue { S = v.ToString("O", Invariant) },
            v => DateTime.Parse(ReadString(v), Invariant, DateTimeStyles.RoundtripKind)),
        new DynamoDbScalarCodec<DateTimeOffset>(
            DynamoDbAttributeType.String,
            v => new AttributeValue { S = v.ToString("O", Invariant) },
            v => DateTimeOffset.Parse(ReadString(v), Invariant, DateTimeStyles.RoundtripKind)),
        new DynamoDbScalarCodec<DateOnly>(
            DynamoDbAttributeType.String,
            v => new AttributeValue { S = v.ToString("yyyy-MM-dd", Invariant) },
            v => DateOnly.Parse(ReadString(v), Invariant)),
        new DynamoDbScalarCodec<TimeOnly>(
            DynamoDbAttributeType.String,
            v => new AttributeValue { S = v.ToString("HH:mm:ss.fffffff", Invariant) },
            v => TimeOnly.Parse(ReadString(v), Invariant)),
        new DynamoDbScalarCodec<TimeSpan>(
            DynamoDbAttributeType.String,
            v => new AttributeValue { S = (v < TimeSpan.Zero ? "-" : "") + v.Duration().ToString(TimeSpanFormat, Invariant) },
            v => ParseTimeSpan(ReadString(v))),
    }.ToDictionary(c => c.ClrType);

    /// <summary>The codec for a non-nullable CLR type, or null when DynamoDB has no native scalar for it.</summary>
    public static DynamoDbScalarCodec? Find(Type clrType) => Codecs.GetValueOrDefault(clrType);

    private static DynamoDbScalarCodec<T> Integer<T>()
        where T : IBinaryInteger<T>
        => new(DynamoDbAttributeType.Number, v => Number(v.ToString(null, Invariant)), v => T.Parse(ReadNumber(v), NumberStyles.Integer, Invariant));

    private static AttributeValue Number(string text) => new() { N = text };

    private static string ReadString(AttributeValue value) => value.S ?? throw Mismatch("S", value);

    private static string ReadNumber(AttributeValue value) => value.N ?? throw Mismatch("N", value);

    /// <summary>A finite number DynamoDB can store: refused otherwise, before anything is sent.</summary>
    private static T CheckNumber<T>(T value)
        where T : IFloatingPointIeee754<T>
    {
        if (!T.IsFinite(value))
        {
            throw new InvalidOperationException(DynamoDbStrings.NonFiniteNumber(value));
        }

        var magnitude = Math.Abs(double.CreateTruncating(value));
        return magnitude is 0 or (>= DynamoDbServiceLimits.NumberMinMagnitude and < DynamoDbServiceLimits.NumberMaxMagnitudeExclusive)
            ? value
            : throw new InvalidOperationException(DynamoDbStrings.NumberOutOfRange(value));
    }

    /// <summary>
    /// A string DynamoDB can store as UTF-8: a lone surrogate would be replaced by U+FFFD on the way (data
    /// corruption), so it is refused.
    /// </summary>
    private static string CheckUtf16(string value)
    {
        if (value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            return value;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                throw new InvalidOperationException(DynamoDbStrings.InvalidUtf16(i));
            }
        }

        return value;
    }

    private static TimeSpan ParseTimeSpan(string text)
        => text.StartsWith('-')
            ? -TimeSpan.ParseExact(text[1..], TimeSpanFormat, Invariant)
            : TimeSpan.TryParseExact(text, TimeSpanFormat, Invariant, out var value) ? value : TimeSpan.Parse(text, Invariant);

    /// <summary>The error for a stored value of another type than expected.</summary>
    public static InvalidOperationException Mismatch(string expected, AttributeValue actual)
        => new(DynamoDbStrings.UnexpectedAttributeType(expected, DescribeType(actual)));

    /// <summary>The type descriptor of a stored value, for messages.</summary>
    public static string DescribeType(AttributeValue value)
        => value.S != null ? "S"
            : value.N != null ? "N"
            : value.B != null ? "B"
            : value.BOOL != null ? "BOOL"
            : value.NULL == true ? "NULL"
            : value.M != null ? "M"
            : value.L != null ? "L"
            : value.SS != null ? "SS"
            : value.NS != null ? "NS"
            : value.BS != null ? "BS"
            : "unknown";
}
