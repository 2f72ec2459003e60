using Amazon.DynamoDBv2.Model;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// <c>#attr BETWEEN :low AND :high</c>, inclusive both sides: a pair of bounds on a sort key. A bound the query
/// excludes (<c>&gt;</c>, <c>&lt;</c>) is sent inclusive and its item dropped from the results on the client: a sort
/// key is unique in its partition, so that is at most one item per bound.
/// </summary>
internal sealed record DynamoDbBetweenFilter(
    IProperty Property, DynamoDbValueOperand Low, DynamoDbValueOperand High, bool ExcludesLow = false, bool ExcludesHigh = false)
    : DynamoDbFilter
{
    /// <summary>Whether a bound is excluded, so that items read must be checked on the client.</summary>
    public bool ExcludesBound => ExcludesLow || ExcludesHigh;

    /// <summary>The values of the excluded bounds for one execution.</summary>
    public IEnumerable<AttributeValue> ExcludedValues(IReadOnlyDictionary<string, object?> parameters)
        => new[] { ExcludesLow ? Low : null, ExcludesHigh ? High : null }
            .OfType<DynamoDbValueOperand>()
            .Select(bound => bound.ToAttributeValue(parameters))
            .OfType<AttributeValue>();

    /// <summary>Whether the bounds of one execution admit no value (low above high): the read is not sent.</summary>
    public bool IsEmpty(IReadOnlyDictionary<string, object?> parameters)
        => Low.ToAttributeValue(parameters) is { } low && High.ToAttributeValue(parameters) is { } high
            && (Compare(low, high) is > 0 || (Compare(low, high) == 0 && ExcludesBound));

    /// <summary>DynamoDB's order of two key values of one type: numbers by value, strings and binary by their bytes.</summary>
    private static int? Compare(AttributeValue left, AttributeValue right)
        => (left, right) switch
        {
            ({ N: { } a }, { N: { } b }) => decimal.Parse(a, System.Globalization.CultureInfo.InvariantCulture)
                .CompareTo(decimal.Parse(b, System.Globalization.CultureInfo.InvariantCulture)),
            ({ S: { } a }, { S: { } b }) => System.Text.Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(System.Text.Encoding.UTF8.GetBytes(b)),
            ({ B: { } a }, { B: { } b }) => a.ToArray().AsSpan().SequenceCompareTo(b.ToArray()),
            _ => null,
        };
}
