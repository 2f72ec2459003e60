using System.Text;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Update;

/// <summary>
/// The size DynamoDB counts for an item (attribute names plus values, as its documentation describes), so that
/// writes over its limits are refused before anything is sent.
/// </summary>
internal static class DynamoDbItemSize
{
    public static long Of(Dictionary<string, AttributeValue> item)
    {
        // Every write is measured: a loop, without the allocations of a LINQ sum.
        long size = 0;
        foreach (var (name, value) in item)
        {
            size += Encoding.UTF8.GetByteCount(name) + Of(value);
        }

        return size;
    }

    public static long Of(AttributeValue value)
        => value switch
        {
            { S: { } s } => Encoding.UTF8.GetByteCount(s),
            // Numbers take about one byte per two significant digits, plus one.
            { N: { } n } => (n.Count(char.IsAsciiDigit) + 1) / 2 + 1,
            { B: { } b } => b.Length,
            { BOOL: not null } or { NULL: true } => 1,
            { L: { } list } => 3 + list.Sum(v => 1 + Of(v)),
            { M: { } map } => 3 + map.Sum(e => 1 + Encoding.UTF8.GetByteCount(e.Key) + Of(e.Value)),
            { SS: { } strings } => strings.Sum(Encoding.UTF8.GetByteCount),
            { NS: { } numbers } => numbers.Sum(n => (n.Length + 1) / 2 + 1),
            { BS: { } binaries } => binaries.Sum(b => b.Length),
            _ => 0,
        };
}
