using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// How a compiled query reads: the operation, the key conditions that address items, the filter applied to what
/// they return, and per-query options. Built once per compiled query; requests are made from it per execution.
/// </summary>
internal sealed class DynamoDbReadPlan(
    DynamoDbReadOperation operation,
    IEntityType entityType,
    string tableName,
    DynamoDbComparisonFilter? partitionKeyCondition,
    DynamoDbFilter? sortKeyCondition,
    DynamoDbFilter? filter,
    IReadOnlyList<(bool IsSkip, Expression Count)> paging,
    IReadOnlyList<IProperty>? projection,
    DynamoDbAggregate aggregate,
    bool? scanIndexForward,
    bool? consistentRead,
    bool allowScan,
    Expression? pageRequest,
    string queryText,
    (string Statement, Expression Arguments)? partiQL = null,
    DynamoDbInFilter? partitionKeyValues = null,
    Expression? pageSize = null,
    ITypeMappingSource? typeMappings = null)
{
    public DynamoDbReadOperation Operation { get; } = operation;
    public IEntityType EntityType { get; } = entityType;
    public string TableName { get; } = tableName;
    public DynamoDbComparisonFilter? PartitionKeyCondition { get; } = partitionKeyCondition;
    /// <summary>An equality, one bound, or a <see cref="DynamoDbBetweenFilter"/> on the sort key.</summary>
    public DynamoDbFilter? SortKeyCondition { get; } = sortKeyCondition;
    public DynamoDbFilter? Filter { get; } = filter;
    public bool? ScanIndexForward { get; } = scanIndexForward;

    /// <summary>Whether the read returns items or counts them (<c>Select=COUNT</c>).</summary>
    public DynamoDbAggregate Aggregate { get; } = aggregate;

    /// <summary>The properties to read, or null to read whole items.</summary>
    public IReadOnlyList<IProperty>? Projection { get; } = projection;
    public bool? ConsistentRead { get; } = consistentRead;
    public bool AllowScan { get; } = allowScan;

    /// <summary>
    /// The partition key values of <c>values.Contains(x.PartitionKey)</c>: the read runs once per value (a
    /// <c>Query</c> or <c>GetItem</c> each) and the results are concatenated.
    /// </summary>
    public DynamoDbInFilter? PartitionKeyValues { get; } = partitionKeyValues;

    /// <summary>The statement and values of a <c>FromPartiQL</c> query.</summary>
    public (string Statement, Expression Arguments)? PartiQL { get; } = partiQL;

    /// <summary>Converts <c>FromPartiQL</c> values, whose properties are unknown, by their CLR types.</summary>
    public ITypeMappingSource? TypeMappings { get; } = typeMappings;

    /// <summary>The LINQ query (with parameters, never their values), for scan warnings and errors.</summary>
    public string QueryText { get; } = queryText;

    /// <summary>The <c>ToPageAsync</c> request of one execution, or null when the query is not paged.</summary>
    public DynamoDbPageRequest? FindPageRequest(IReadOnlyDictionary<string, object?> parameters)
        => pageRequest is QueryParameterExpression parameter ? (DynamoDbPageRequest?)parameters[parameter.Name] : null;

    /// <summary>The per-request <c>Limit</c> from <c>WithPageSize</c>, or null to let DynamoDB fill 1 MB pages.</summary>
    public int? EvaluatePageSize(IReadOnlyDictionary<string, object?> parameters)
        => pageSize switch
        {
            ConstantExpression constant => (int)constant.Value!,
            QueryParameterExpression parameter => (int)parameters[parameter.Name]!,
            _ => null,
        };

    /// <summary>The window of results one execution asks for.</summary>
    public DynamoDbPaging EvaluatePaging(IReadOnlyDictionary<string, object?> parameters)
    {
        var window = FindPageRequest(parameters) is { } page ? new DynamoDbPaging(0, page.PageSize) : new DynamoDbPaging(0, null);
        foreach (var (isSkip, count) in paging)
        {
            var value = count switch
            {
                ConstantExpression constant => (int)constant.Value!,
                QueryParameterExpression parameter => (int)parameters[parameter.Name]!,
                _ => throw new InvalidOperationException(count.ToString()),
            };
            window = isSkip ? window.Skip(value) : window.Take(value);
        }

        return window;
    }
}
