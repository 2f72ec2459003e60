using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// An entity materialized from an item, with the item: related items are found from its attributes. The entity is
/// null for an item of an item collection read with its owner, to be materialized by the include it belongs to.
/// </summary>
internal readonly record struct DynamoDbShapedItem(object? Entity, Dictionary<string, AttributeValue> Item);
