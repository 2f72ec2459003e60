namespace EFCore.DynamoDb.Update;

/// <summary>What a <see cref="DynamoDbItemWrite"/> does to its item.</summary>
internal enum DynamoDbItemWriteKind
{
    /// <summary>Writes the whole item (<c>PutItem</c>, a transaction's <c>Put</c>, a batch's <c>PutRequest</c>).</summary>
    Put,

    /// <summary>
    /// Changes attributes of the item (<c>UpdateItem</c>); with no update expression, only checks its condition (a
    /// transaction's <c>ConditionCheck</c>).
    /// </summary>
    Update,

    /// <summary>Deletes the item (<c>DeleteItem</c>, a transaction's <c>Delete</c>, a batch's <c>DeleteRequest</c>).</summary>
    Delete,
}
