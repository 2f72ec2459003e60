namespace Microsoft.EntityFrameworkCore;

/// <summary>The kinds of DynamoDB secondary index.</summary>
public enum DynamoDbSecondaryIndexType
{
    /// <summary>A global secondary index: its own partition key (and optional sort key), eventually consistent.</summary>
    Global,

    /// <summary>A local secondary index: the table's partition key with another sort key; created with the table.</summary>
    Local,
}
