using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage;

namespace EFCore.DynamoDb.Update;

/// <summary>An item read by <c>ImportItemsAsync</c>, written as is with a put (replacing any item with its key).</summary>
internal sealed class DynamoDbImportedItem(string tableName, Dictionary<string, AttributeValue> key, Dictionary<string, AttributeValue> item)
    : IDynamoDbBatchWrite
{
    public string TableName { get; } = tableName;

    public Dictionary<string, AttributeValue> Key { get; } = key;

    public string KeyIdentity { get; } = DynamoDbKeyIdentity.Of(tableName, key);

    public WriteRequest ToWriteRequest() => new(new PutRequest(item));
}
