using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// How a compiled query reads: the operation, the table or index, the key conditions that address items, the filter
/// applied to what they return, and per-query options. Built once per compiled query; requests are made from it per
/// execution, with that execution's parameter values.
/// </summary>
internal sealed record DynamoDbReadPlan
{
    public required DynamoDbReadOperation Operation { get; init; }
    public required IEntityType EntityType { get; init; }

    /// <summary>The mapped table name, without the prefix a context adds.</summary>
    public required string TableName { get; init; }

    /// <summary>The secondary index the read runs on, or null for the table.</summary>
    public IReadOnlyIndex? Index { get; init; }

    /// <summary>The key attributes of what the read runs on (index keys first, then table keys): what a page continues from.</summary>
    public required IReadOnlyList<IProperty> KeyProperties { get; init; }

    public DynamoDbComparisonFilter? PartitionKeyCondition { get; init; }

    /// <summary>
    /// The partition key values of <c>values.Contains(x.PartitionKey)</c>: the read runs once per value (a
    /// <c>Query</c> or <c>GetItem</c> each) and the results are concatenated.
    /// </summary>
    public DynamoDbInFilter? PartitionKeyValues { get; init; }

    /// <summary>
    /// The sort key values of <c>values.Contains(x.SortKey)</c>: the read runs once per value, with each partition key
    /// value (so full keys for every pair are read with <c>BatchGetItem</c>).
    /// </summary>
    public DynamoDbInFilter? SortKeyValues { get; init; }

    /// <summary>
    /// A list of full primary keys (<c>keys.Any(k =&gt; k.A == x.PartitionKey &amp;&amp; k.B == x.SortKey)</c>): the read runs
    /// once per key, with <c>BatchGetItem</c> when nothing else is asked.
    /// </summary>
    public DynamoDbTupleInFilter? KeyList { get; init; }

    /// <summary>An equality, one bound, a <see cref="DynamoDbBetweenFilter"/> or a <c>begins_with</c> on the sort key.</summary>
    public DynamoDbFilter? SortKeyCondition { get; init; }

    public DynamoDbFilter? Filter { get; init; }

    /// <summary>
    /// Conditions that hold for all items or none (constants, <c>bool</c> variables): an execution where one is false
    /// sends no request.
    /// </summary>
    public IReadOnlyList<DynamoDbBooleanFilter> Guards { get; init; } = [];

    /// <summary>
    /// Whether no item can match in one execution: a guard is false, or the filter is false whatever the item (a
    /// comparison of client values that translation made, such as <c>fallback == v</c>); then nothing is read.
    /// </summary>
    public bool MatchesNothing(IReadOnlyDictionary<string, object?> parameters)
        => Guards.Any(guard => !guard.Evaluate(parameters)) || (Filter != null && DynamoDbBooleanFilter.Fold(Filter, parameters) == false);

    /// <summary>The properties to read, or null to read whole items.</summary>
    public IReadOnlyList<IProperty>? Projection { get; init; }

    /// <summary>
    /// Whether the index lacks attributes the query returns: each page of index results is completed from the
    /// table with <c>BatchGetItem</c>, in the index's order.
    /// </summary>
    public bool ReadsFromTable { get; init; }

    /// <summary>Whether the read returns items or counts them (<c>Select=COUNT</c>).</summary>
    public DynamoDbAggregate Aggregate { get; init; }

    public bool? ScanIndexForward { get; init; }
    public bool? ConsistentRead { get; init; }
    public bool AllowScan { get; init; }

    /// <summary>The statement and values of a <c>FromPartiQL</c> query.</summary>
    public (string Statement, Expression Arguments)? PartiQL { get; init; }

    /// <summary>Converts <c>FromPartiQL</c> values, whose properties are unknown, by their CLR types.</summary>
    public ITypeMappingSource? TypeMappings { get; init; }

    /// <summary>On a scan: an index that fixes the read's partition key but lacks items the read returns.</summary>
    public DynamoDbSkippedIndex? SkippedIndex { get; init; }

    /// <summary>
    /// The query's <c>x.Key != null</c> conditions on the keys it reads by, which every item read satisfies, so the
    /// read leaves them out: writes to the items read (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>) check them again.
    /// </summary>
    public DynamoDbFilter? KeyPresence { get; init; }

    /// <summary>The LINQ query (with parameters, never their values), for scan warnings and errors.</summary>
    public required DynamoDbQueryText QueryText { get; init; }

    /// <summary>Each <c>Skip</c> and <c>Take</c>, in order.</summary>
    public IReadOnlyList<(bool IsSkip, Expression Count)> Paging { get; init; } = [];

    /// <summary>The parameter carrying a <c>ToPageAsync</c> request, if the query is paged.</summary>
    public Expression? PageRequest { get; init; }

    /// <summary>The per-request <c>Limit</c> of <c>WithPageSize</c>.</summary>
    public Expression? PageSize { get; init; }

    /// <summary>The parameter carrying the segments of <c>WithParallelScan</c> or <c>WithScanSegment</c>, on a scan.</summary>
    public Expression? ScanSegments { get; init; }

    /// <summary>The parameter carrying the rate limit of <c>WithReadRateLimit</c>, on a scan or query.</summary>
    public Expression? ReadRateLimit { get; init; }

    /// <summary>The scan segments of one execution, or null when the scan is read whole, in one sequence of pages.</summary>
    public DynamoDbScanSegments? EvaluateScanSegments(IReadOnlyDictionary<string, object?> parameters)
        => (DynamoDbScanSegments?)EvaluateOption(ScanSegments, parameters);

    /// <summary>The rate limit of one execution, or null when the read is not paced.</summary>
    public DynamoDbReadRateLimit? EvaluateReadRateLimit(IReadOnlyDictionary<string, object?> parameters)
        => (DynamoDbReadRateLimit?)EvaluateOption(ReadRateLimit, parameters);

    /// <summary>An option's value: a parameter of the LINQ query, or a constant of a read the provider plans itself.</summary>
    private static object? EvaluateOption(Expression? option, IReadOnlyDictionary<string, object?> parameters)
        => option switch
        {
            QueryParameterExpression parameter => parameters[parameter.Name],
            ConstantExpression constant => constant.Value,
            _ => null,
        };

    /// <summary>The <c>ToPageAsync</c> request of one execution, or null when the query is not paged.</summary>
    public DynamoDbPageRequest? FindPageRequest(IReadOnlyDictionary<string, object?> parameters)
        => PageRequest is QueryParameterExpression parameter ? (DynamoDbPageRequest?)parameters[parameter.Name] : null;

    /// <summary>The per-request <c>Limit</c> from <c>WithPageSize</c>, or null to let DynamoDB fill 1 MB pages.</summary>
    public int? EvaluatePageSize(IReadOnlyDictionary<string, object?> parameters)
        => PageSize == null ? null : EvaluateInt(PageSize, parameters);

    /// <summary>The window of results one execution asks for.</summary>
    public DynamoDbPaging EvaluatePaging(IReadOnlyDictionary<string, object?> parameters)
    {
        var window = FindPageRequest(parameters) is { } page ? new DynamoDbPaging(0, page.PageSize) : new DynamoDbPaging(0, null);
        foreach (var (isSkip, count) in Paging)
        {
            var value = EvaluateInt(count, parameters);
            window = isSkip ? window.Skip(value) : window.Take(value);
        }

        return window;
    }

    private static int EvaluateInt(Expression expression, IReadOnlyDictionary<string, object?> parameters)
        => expression switch
        {
            ConstantExpression constant => (int)constant.Value!,
            QueryParameterExpression parameter => (int)parameters[parameter.Name]!,
            _ => throw new InvalidOperationException(expression.ToString()),
        };
}
