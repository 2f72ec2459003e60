using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Update;

/// <summary>A write that may go into a <c>BatchWriteItem</c>: a put or delete without condition, identified by its key.</summary>
internal interface IDynamoDbBatchWrite
{
    /// <summary>The table the write goes to.</summary>
    string TableName { get; }

    /// <summary>The key attributes of the item written.</summary>
    Dictionary<string, AttributeValue> Key { get; }

    /// <summary>The table and key as one text, which identifies the write among unprocessed items.</summary>
    string KeyIdentity { get; }

    /// <summary>The write as a <c>BatchWriteItem</c> element.</summary>
    WriteRequest ToWriteRequest();
}
