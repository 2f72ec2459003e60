using System.Linq.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// The per-query options a read is planned with: those of the LINQ query (<c>AllowScan</c>, <c>WithConsistentRead</c>,
/// <c>WithIndex</c>, <c>WithPageSize</c>, <c>ToPageAsync</c>, scan
/// segments, rate limits), or those a follow-up read of related items inherits.
/// </summary>
internal sealed record DynamoDbReadOptions(DynamoDbQueryText QueryText)
{
    public bool AllowScan { get; init; }

    public bool? ConsistentRead { get; init; }

    public string? IndexName { get; init; }

    public Expression? PageSize { get; init; }

    public Expression? PageRequest { get; init; }

    public Expression? ScanSegments { get; init; }

    public Expression? ReadRateLimit { get; init; }
}
