using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// One page of a read: its items (none for a <c>Select=COUNT</c> read), how many items matched, how many were
/// evaluated before the filter, and the read capacity it consumed when DynamoDB reported it.
/// </summary>
internal readonly record struct DynamoDbReadPage(
    List<Dictionary<string, AttributeValue>> Items, int Count, int Evaluated = 0, double? ConsumedCapacity = null);
