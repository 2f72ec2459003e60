namespace EFCore.DynamoDb.Query.Internal;

/// <summary>The comparison operators of DynamoDB condition expressions.</summary>
internal enum DynamoDbComparisonOperator
{
    Equal,
    NotEqual,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
}
