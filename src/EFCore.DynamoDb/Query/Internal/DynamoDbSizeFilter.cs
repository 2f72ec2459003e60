using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary><c>size(#attr) op :value</c>: the length of a string, or the number of elements of a collection (also of a complex collection).</summary>
internal sealed record DynamoDbSizeFilter(IPropertyBase Property, DynamoDbComparisonOperator Operator, DynamoDbValueOperand Value) : DynamoDbFilter;
