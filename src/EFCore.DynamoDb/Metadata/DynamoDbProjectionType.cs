namespace Microsoft.EntityFrameworkCore;

/// <summary>Which attributes a DynamoDB secondary index holds besides its keys and the table's keys.</summary>
public enum DynamoDbProjectionType
{
    /// <summary>Every attribute of the item (the default).</summary>
    All,

    /// <summary>Only the index and table keys.</summary>
    KeysOnly,

    /// <summary>The keys plus the attributes named with <c>HasProjection</c>.</summary>
    Include,
}
