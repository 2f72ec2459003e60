using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary><c>#attr BETWEEN :low AND :high</c>, inclusive both sides: a pair of bounds on a sort key.</summary>
internal sealed record DynamoDbBetweenFilter(IProperty Property, DynamoDbValueOperand Low, DynamoDbValueOperand High) : DynamoDbFilter;
