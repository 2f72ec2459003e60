using System.Globalization;
using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage;

/// <summary>
/// A text that identifies an item by its table and key attribute values, to match items across requests and
/// responses (unprocessed writes, batch reads, two writes to one item).
/// </summary>
internal static class DynamoDbKeyIdentity
{
    public static string Of(string table, IEnumerable<string> keyNames, Dictionary<string, AttributeValue> attributes)
    {
        // Built in a pooled buffer: a bulk save identifies every item it writes.
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture);
        text.AppendLiteral(table);
        foreach (var name in keyNames)
        {
            text.AppendLiteral("\u0001");
            text.AppendLiteral(name);
            Append(ref text, attributes[name]);
        }

        return text.ToStringAndClear();
    }

    /// <summary>
    /// The values of <paramref name="names"/> in an item as one text, whatever their attribute names (a foreign key
    /// matches the principal key it names); null when one is absent or NULL.
    /// </summary>
    public static string? OfValues(Dictionary<string, AttributeValue> item, IReadOnlyList<string> names)
    {
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture);
        foreach (var name in names)
        {
            if (!item.TryGetValue(name, out var value) || value.NULL == true)
            {
                text.ToStringAndClear();
                return null;
            }

            text.AppendLiteral("\u0001");
            Append(ref text, value);
        }

        return text.ToStringAndClear();
    }

    private static void Append(ref DefaultInterpolatedStringHandler text, AttributeValue value)
    {
        if (value.S is { } s)
        {
            // Length-prefixed, so that no string can pass for another key.
            text.AppendLiteral("=S");
            text.AppendFormatted(s.Length);
            text.AppendLiteral(":");
            text.AppendLiteral(s);
        }
        else if (value.N is { } number)
        {
            // DynamoDB answers numbers in its canonical form (1.50 as 1.5, 1E+2 as 100): compare them by value.
            text.AppendLiteral("=N");
            text.AppendLiteral(decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
                ? (exact / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)
                : number);
        }
        else
        {
            text.AppendLiteral("=");
            text.AppendLiteral(DynamoDbRequestPrinter.PrintValue(value));
        }
    }

    /// <summary>The identity of a key given as its attributes, in whatever order they are.</summary>
    public static string Of(string table, Dictionary<string, AttributeValue> key)
        => Of(table, key.Count < 2 ? key.Keys : key.Keys.Order(StringComparer.Ordinal), key);
}
