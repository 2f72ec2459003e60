using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>An entity materialized from an item, with the item: related items are found from its attributes.</summary>
internal readonly record struct DynamoDbShapedItem(object Entity, Dictionary<string, AttributeValue> Item);
