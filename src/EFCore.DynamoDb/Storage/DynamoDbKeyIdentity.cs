using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage;

/// <summary>
/// A text that identifies an item by its table and key attribute values, to match items across requests and
/// responses (unprocessed writes, batch reads, two writes to one item).
/// </summary>
internal static class DynamoDbKeyIdentity
{
    public static string Of(string table, IEnumerable<string> keyNames, Dictionary<string, AttributeValue> attributes)
        => table + "\u0001" + string.Join("\u0001", keyNames.Select(name => name + "=" + DynamoDbRequestPrinter.PrintValue(attributes[name])));
}
