using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Update;

/// <summary>
/// One write of one item, for SaveChanges, <c>ExecuteUpdate</c>/<c>ExecuteDelete</c>, cascades and imports: the
/// table, the key, what is written and on what condition. <see cref="DynamoDbWriteRenderer"/> makes it a single
/// request, a transaction element or a batch element.
/// </summary>
internal sealed class DynamoDbItemWrite
{
    public required DynamoDbItemWriteKind Kind { get; init; }

    /// <summary>The table, with the context's prefix.</summary>
    public required string TableName { get; init; }

    /// <summary>The key attributes of the item.</summary>
    public required Dictionary<string, AttributeValue> Key { get; init; }

    /// <summary>The whole item, for a put.</summary>
    public Dictionary<string, AttributeValue>? Item { get; init; }

    /// <summary>The <c>SET</c>/<c>REMOVE</c>/<c>ADD</c>/<c>DELETE</c> clauses of an update; null to only check the condition.</summary>
    public string? UpdateExpression { get; init; }

    public string? ConditionExpression { get; init; }

    public Dictionary<string, string>? Names { get; init; }

    public Dictionary<string, AttributeValue>? Values { get; init; }

    /// <summary>
    /// The size DynamoDB counts for the write in a transaction: the item put, or the key plus the values an update
    /// sets (the stored item is not known before it is written).
    /// </summary>
    public required long Size { get; init; }
}
