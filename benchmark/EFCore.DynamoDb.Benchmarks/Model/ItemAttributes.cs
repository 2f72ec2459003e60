using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Benchmarks.Model;

/// <summary>
/// The hand-written mapping between <see cref="BenchItem"/> and DynamoDB attributes, in the format EF Core writes
/// (numbers as exact N text, <c>bool</c> as BOOL, dates as ISO 8601 round-trip strings).
/// </summary>
public static class ItemAttributes
{
    public static Dictionary<string, AttributeValue> Key(string pk, string sk) => new()
    {
        ["Pk"] = new AttributeValue { S = pk },
        ["Sk"] = new AttributeValue { S = sk },
    };

    public static Dictionary<string, AttributeValue> From(BenchItem item) => new()
    {
        ["Pk"] = new AttributeValue { S = item.Pk },
        ["Sk"] = new AttributeValue { S = item.Sk },
        ["Name"] = new AttributeValue { S = item.Name },
        ["Count"] = new AttributeValue { N = item.Count.ToString(CultureInfo.InvariantCulture) },
        ["Price"] = new AttributeValue { N = item.Price.ToString(CultureInfo.InvariantCulture) },
        ["Active"] = new AttributeValue { BOOL = item.Active },
        ["CreatedAt"] = new AttributeValue { S = item.CreatedAt.ToString("O", CultureInfo.InvariantCulture) },
    };

    public static BenchItem ToItem(Dictionary<string, AttributeValue> attributes) => new()
    {
        Pk = attributes["Pk"].S,
        Sk = attributes["Sk"].S,
        Name = attributes["Name"].S,
        Count = int.Parse(attributes["Count"].N, CultureInfo.InvariantCulture),
        Price = decimal.Parse(attributes["Price"].N, CultureInfo.InvariantCulture),
        Active = attributes["Active"].BOOL ?? false,
        CreatedAt = DateTime.Parse(attributes["CreatedAt"].S, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
    };

    public static List<BenchItem> ToItems(List<Dictionary<string, AttributeValue>>? items)
        => items?.ConvertAll(ToItem) ?? [];
}
