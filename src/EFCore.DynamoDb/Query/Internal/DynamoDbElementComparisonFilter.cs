using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>A comparison of one element of a list property, by constant index: <c>#attr[i] op :value</c>.</summary>
internal sealed record DynamoDbElementComparisonFilter(
    IProperty Property, int Index, DynamoDbComparisonOperator Operator, DynamoDbValueOperand Value) : DynamoDbFilter;
