using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>A comparison of a property's attribute with a value: <c>#attr op :value</c>.</summary>
internal sealed record DynamoDbComparisonFilter(IProperty Property, DynamoDbComparisonOperator Operator, DynamoDbValueOperand Value)
    : DynamoDbFilter;
