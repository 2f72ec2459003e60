using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>One page of a read: its items (none for a <c>Select=COUNT</c> read) and how many items matched.</summary>
internal readonly record struct DynamoDbReadPage(List<Dictionary<string, AttributeValue>> Items, int Count);
