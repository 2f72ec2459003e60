using EFCore.DynamoDb.Query.Internal;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query;

/// <summary>EF Core's compilation state plus the per-query DynamoDB options found in the LINQ expression.</summary>
internal sealed class DynamoDbQueryCompilationContext(QueryCompilationContextDependencies dependencies, bool async)
    : QueryCompilationContext(dependencies, async)
{
    /// <summary>Set by <c>AllowScan()</c>: the query may scan whatever the context's scan behavior.</summary>
    public bool AllowScan { get; set; }

    /// <summary>Set by <c>WithConsistentRead()</c>; null to use the context's default.</summary>
    public bool? ConsistentRead { get; set; }

    /// <summary>Set by <c>WithIndex(name)</c>: the secondary index the query must use.</summary>
    public string? IndexName { get; set; }

    /// <summary>Set by <c>WithPageSize(n)</c>: the per-request <c>Limit</c> (a constant or parameter).</summary>
    public System.Linq.Expressions.Expression? PageSize { get; set; }

    /// <summary>Set by <c>ToPageAsync</c>: the parameter that carries the page request of each execution.</summary>
    public System.Linq.Expressions.Expression? PageRequest { get; set; }

    /// <summary>Set by <c>WithParallelScan</c> or <c>WithScanSegment</c>: the parameter carrying the scan's segments.</summary>
    public System.Linq.Expressions.Expression? ScanSegments { get; set; }

    /// <summary>Set by <c>WithReadRateLimit</c>: the parameter carrying the read's rate limit.</summary>
    public System.Linq.Expressions.Expression? ReadRateLimit { get; set; }

    /// <summary>The LINQ query as written (parameters, not their values), for messages.</summary>
    public DynamoDbQueryText QueryText { get; set; } = "";

    /// <summary>The navigations to load after the query's own read (<c>Include</c>, <c>ThenInclude</c>).</summary>
    public List<DynamoDbIncludeNode> Includes { get; } = [];

    /// <summary>
    /// The include whose loaded entities the query returns instead of its own (<c>SelectMany(e => e.Navigation)</c>,
    /// as explicit loading of a many-to-many navigation sends), or null.
    /// </summary>
    public DynamoDbIncludeNode? SelectedNavigation { get; set; }

    /// <summary>The options the query's read is planned with.</summary>
    public DynamoDbReadOptions ReadOptions
        => new(QueryText)
        {
            AllowScan = AllowScan, ConsistentRead = ConsistentRead, IndexName = IndexName, PageSize = PageSize, PageRequest = PageRequest,
            ScanSegments = ScanSegments, ReadRateLimit = ReadRateLimit,
        };
}
