namespace EFCore.DynamoDb.Query.Internal;

/// <summary>The DynamoDB read operation a query runs as, cheapest first.</summary>
internal enum DynamoDbReadOperation
{
    /// <summary>The full primary key is fixed: one item by key.</summary>
    GetItem,

    /// <summary>The partition key is fixed: the items of one partition, narrowed by the sort-key condition.</summary>
    Query,

    /// <summary>A PartiQL statement from <c>FromPartiQL</c>, through <c>ExecuteStatement</c>.</summary>
    ExecuteStatement,

    /// <summary>Nothing fixes the partition: every item of the table is read (the last resort).</summary>
    Scan,
}
