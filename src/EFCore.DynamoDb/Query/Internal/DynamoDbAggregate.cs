namespace EFCore.DynamoDb.Query.Internal;

/// <summary>What a query returns: its items, or one value computed from the count of matching items (<c>Select=COUNT</c>).</summary>
internal enum DynamoDbAggregate
{
    /// <summary>The items themselves.</summary>
    None,

    /// <summary><c>Count</c>/<c>LongCount</c>: the number of matching items, summed over pages.</summary>
    Count,

    /// <summary><c>Any</c>: whether at least one item matches (reading stops at the first).</summary>
    Any,

    /// <summary><c>All</c>: whether no item fails the predicate (the filter holds the negated predicate).</summary>
    All,
}
