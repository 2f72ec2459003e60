namespace EFCore.DynamoDb.Update;

/// <summary>A write that may go into a <c>BatchWriteItem</c>: a put or delete without condition, identified by its key.</summary>
internal interface IDynamoDbBatchWrite
{
    /// <summary>The write.</summary>
    DynamoDbItemWrite Write { get; }

    /// <summary>The table and key as one text, which identifies the write among unprocessed items.</summary>
    string KeyIdentity { get; }
}
