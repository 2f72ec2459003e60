namespace EFCore.DynamoDb.Query.Internal;

/// <summary><c>NOT operand</c>.</summary>
internal sealed record DynamoDbNotFilter(DynamoDbFilter Operand) : DynamoDbFilter;
