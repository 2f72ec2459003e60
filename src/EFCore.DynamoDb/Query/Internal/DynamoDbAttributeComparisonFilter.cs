namespace EFCore.DynamoDb.Query.Internal;

/// <summary>A comparison of two attributes of the same item: <c>#left op #right</c> (<c>x.Max &gt; x.Min</c>).</summary>
internal sealed record DynamoDbAttributeComparisonFilter(
    DynamoDbAttributeOperand Left, DynamoDbComparisonOperator Operator, DynamoDbAttributeOperand Right) : DynamoDbFilter;
