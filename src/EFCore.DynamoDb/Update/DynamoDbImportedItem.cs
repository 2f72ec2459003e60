using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage;

namespace EFCore.DynamoDb.Update;

/// <summary>An item read by <c>ImportItemsAsync</c>, written as is with a put (replacing any item with its key).</summary>
internal sealed class DynamoDbImportedItem(string tableName, Dictionary<string, AttributeValue> key, Dictionary<string, AttributeValue> item)
    : IDynamoDbBatchWrite
{
    public DynamoDbItemWrite Write { get; } = new()
    {
        Kind = DynamoDbItemWriteKind.Put, TableName = tableName, Key = key, Item = item, Size = DynamoDbItemSize.Of(item),
    };

    public string KeyIdentity { get; } = DynamoDbKeyIdentity.Of(tableName, key);
}
