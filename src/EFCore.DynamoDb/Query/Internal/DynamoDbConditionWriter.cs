using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Writes the condition text of a translated predicate for one execution, with C#'s null semantics (an absent or
/// NULL attribute is null): names and values go behind the aliases of <paramref name="names"/>.
/// </summary>
internal sealed class DynamoDbConditionWriter(DynamoDbExpressionWriter names, IReadOnlyDictionary<string, object?> parameters)
{
    /// <summary>The parameters of conditions that have none: those fixed when the query is compiled.</summary>
    public static readonly IReadOnlyDictionary<string, object?> NoParameters = new Dictionary<string, object?>();

    private string? _nullType;

    /// <summary>The text of a filter expression; null when there is none or it holds for every item in this execution.</summary>
    public string? WriteFilter(DynamoDbFilter? filter)
        => filter == null || DynamoDbBooleanFilter.Fold(filter, parameters) == true ? null : Write(filter);

    /// <summary>The condition text of a filter that depends on the item in this execution.</summary>
    public string Write(DynamoDbFilter filter)
        => filter switch
        {
            // A side that does not depend on the item leaves the other: the whole would not depend on it otherwise.
            DynamoDbLogicalFilter logical when DynamoDbBooleanFilter.Fold(logical.Left, parameters) != null => Write(logical.Right),
            DynamoDbLogicalFilter logical when DynamoDbBooleanFilter.Fold(logical.Right, parameters) != null => Write(logical.Left),
            DynamoDbLogicalFilter logical => "(" + Write(logical.Left) + (logical.IsAnd ? " AND " : " OR ") + Write(logical.Right) + ")",
            DynamoDbNotFilter not => "(NOT " + Write(not.Operand) + ")",
            DynamoDbComparisonFilter { Attribute.IsSize: true } size => WriteSize(size),
            DynamoDbComparisonFilter comparison => WriteComparison(Path(comparison.Attribute), comparison.Operator, comparison.Value.ToAttributeValue(parameters)),
            DynamoDbFunctionFilter function => function.Value.ToAttributeValue(parameters) is { } argument
                ? $"{function.Function}({names.Path(function.Property)}, {names.Value(argument)})"
                : Never(names.Path(function.Property)),
            DynamoDbInFilter @in => WriteIn(@in),
            DynamoDbAttributeComparisonFilter attributes => WriteAttributeComparison(attributes),
            DynamoDbTupleInFilter tuples => tuples.Expand(parameters) is { } any
                ? (any is DynamoDbLogicalFilter ? Write(any) : "(" + Write(any) + ")")
                : Never(names.Path(tuples.Components[0].Property)),
            DynamoDbBetweenFilter between => $"{names.Path(between.Property)} BETWEEN {names.Value(between.Low.ToAttributeValue(parameters)!)} AND {names.Value(between.High.ToAttributeValue(parameters)!)}",
            _ => throw new InvalidOperationException(filter.ToString()),
        };

    /// <summary>The aliased document path of an operand: <c>#Lines[0].#Sku</c>.</summary>
    private string Path(DynamoDbAttributeOperand operand)
        => string.Join(".", operand.Path.Select(segment => names.Name(segment.Name) + (segment.Index is { } index ? $"[{index}]" : "")));

    private string WriteIn(DynamoDbInFilter filter)
    {
        var values = filter.Evaluate(parameters).ToList();
        var present = values.OfType<AttributeValue>().Select(names.Value).ToList();
        var name = names.Path(filter.Property);
        // DynamoDB takes at most 100 operands per IN: longer lists become an OR of INs.
        var test = present.Count == 0
            ? Never(name)
            : string.Join(" OR ", present.Chunk(DynamoDbServiceLimits.InOperands).Select(chunk => $"{name} IN ({string.Join(", ", chunk)})"));
        test = present.Count > DynamoDbServiceLimits.InOperands ? "(" + test + ")" : test;
        return present.Count < values.Count ? $"({test} OR {WriteComparison(name, DynamoDbComparisonOperator.Equal, null)})" : test;
    }

    /// <summary>
    /// <c>#a op #b</c>, with C#'s null semantics: two null values are equal (DynamoDB compares no missing attribute
    /// equal), and an ordering comparison with null is false (as in DynamoDB).
    /// </summary>
    private string WriteAttributeComparison(DynamoDbAttributeComparisonFilter filter)
    {
        var (left, right) = (Path(filter.Left), Path(filter.Right));
        var test = $"{left} {Operator(filter.Operator)} {right}";
        if (filter.Operator is not (DynamoDbComparisonOperator.Equal or DynamoDbComparisonOperator.NotEqual)
            || !filter.Left.IsNullable || !filter.Right.IsNullable)
        {
            // With a non-nullable side, no two nulls can meet: DynamoDB's comparison is C#'s, except that a missing
            // attribute differs from any value, as null does.
            return filter.Operator == DynamoDbComparisonOperator.NotEqual && (filter.Left.IsNullable || filter.Right.IsNullable)
                ? $"(NOT {left} = {right})"
                : test;
        }

        var nullType = NullType();
        var bothNull = $"((attribute_not_exists({left}) OR attribute_type({left}, {nullType})) AND (attribute_not_exists({right}) OR attribute_type({right}, {nullType})))";
        var equal = $"({left} = {right} OR {bothNull})";
        return filter.Operator == DynamoDbComparisonOperator.Equal ? equal : $"(NOT {equal})";
    }

    private static string Operator(DynamoDbComparisonOperator op)
        => op switch
        {
            DynamoDbComparisonOperator.Equal => "=",
            DynamoDbComparisonOperator.NotEqual => "<>",
            DynamoDbComparisonOperator.LessThan => "<",
            DynamoDbComparisonOperator.LessThanOrEqual => "<=",
            DynamoDbComparisonOperator.GreaterThan => ">",
            _ => ">=",
        };

    /// <summary>
    /// <c>size(#p) op :n</c>. An absent collection reads back empty, so when the comparison holds for a size of 0
    /// it also holds for an absent attribute (for which <c>size</c> is false).
    /// </summary>
    private string WriteSize(DynamoDbComparisonFilter size)
    {
        var count = size.Value.ToAttributeValue(parameters)!;
        var name = Path(size.Attribute);
        var test = $"size({name}) {Operator(size.Operator)} {names.Value(count)}";
        var limit = decimal.Parse(count.N, System.Globalization.CultureInfo.InvariantCulture);
        var holdsForEmpty = size.Operator switch
        {
            DynamoDbComparisonOperator.Equal => limit == 0,
            DynamoDbComparisonOperator.NotEqual => limit != 0,
            DynamoDbComparisonOperator.LessThan => 0 < limit,
            DynamoDbComparisonOperator.LessThanOrEqual => 0 <= limit,
            DynamoDbComparisonOperator.GreaterThan => 0 > limit,
            _ => 0 >= limit,
        };
        return holdsForEmpty ? $"(attribute_not_exists({name}) OR {test})" : test;
    }

    /// <summary>The placeholder of the NULL type descriptor, which <c>attribute_type</c> tests ask for: one per condition.</summary>
    private string NullType() => _nullType ??= names.Value(new AttributeValue { S = "NULL" });

    /// <summary>A condition that no item satisfies (DynamoDB has no literal false).</summary>
    private static string Never(string name) => $"(attribute_exists({name}) AND attribute_not_exists({name}))";

    private string WriteComparison(string name, DynamoDbComparisonOperator op, AttributeValue? value)
    {
        if (value == null)
        {
            var nullType = NullType();
            return op switch
            {
                DynamoDbComparisonOperator.Equal => $"(attribute_not_exists({name}) OR attribute_type({name}, {nullType}))",
                DynamoDbComparisonOperator.NotEqual => $"(attribute_exists({name}) AND NOT attribute_type({name}, {nullType}))",
                // In C# an ordering comparison with null is false.
                _ => Never(name),
            };
        }

        var placeholder = names.Value(value);
        return op switch
        {
            DynamoDbComparisonOperator.Equal => $"{name} = {placeholder}",
            // An absent attribute is null in C#, and null differs from any value.
            DynamoDbComparisonOperator.NotEqual => $"(attribute_not_exists({name}) OR {name} <> {placeholder})",
            DynamoDbComparisonOperator.LessThan => $"{name} < {placeholder}",
            DynamoDbComparisonOperator.LessThanOrEqual => $"{name} <= {placeholder}",
            DynamoDbComparisonOperator.GreaterThan => $"{name} > {placeholder}",
            _ => $"{name} >= {placeholder}",
        };
    }
}
