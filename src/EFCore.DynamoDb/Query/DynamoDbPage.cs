namespace Microsoft.EntityFrameworkCore;

/// <summary>One page of query results, from <c>ToPageAsync</c>.</summary>
/// <typeparam name="T">The type of the results.</typeparam>
public sealed class DynamoDbPage<T>
{
    internal DynamoDbPage(IReadOnlyList<T> values, string? continuationToken)
    {
        Values = values;
        ContinuationToken = continuationToken;
    }

    /// <summary>The results of this page: at most the page size asked for.</summary>
    public IReadOnlyList<T> Values { get; }

    /// <summary>
    /// An opaque token that continues the same query after this page, or null when there are no more results.
    /// It is bound to the query it came from: passing it to another query is refused.
    /// </summary>
    public string? ContinuationToken { get; }
}
