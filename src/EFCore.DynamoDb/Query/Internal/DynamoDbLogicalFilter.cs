namespace EFCore.DynamoDb.Query.Internal;

/// <summary><c>left AND right</c> or <c>left OR right</c>.</summary>
internal sealed record DynamoDbLogicalFilter(bool IsAnd, DynamoDbFilter Left, DynamoDbFilter Right) : DynamoDbFilter;
