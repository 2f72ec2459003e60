using EFCore.DynamoDb.Properties;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Chooses the cheapest correct operation for a translated query: <c>GetItem</c> when the predicate fixes the full
/// primary key and nothing else, <c>Query</c> when it fixes the partition key (a sort-key comparison becomes part of
/// the key condition, the rest the filter), else <c>Scan</c>.
/// </summary>
internal static class DynamoDbReadPlanner
{
    public static DynamoDbReadPlan Plan(
        DynamoDbQueryExpression query,
        DynamoDbQueryCompilationContext options,
        ITypeMappingSource typeMappings)
    {
        var (consistentRead, allowScan, pageRequest, queryText, pageSize)
            = (options.ConsistentRead, options.AllowScan, options.PageRequest, options.QueryText, options.PageSize);
        if (query.PartiQL != null)
        {
            return new DynamoDbReadPlan(
                DynamoDbReadOperation.ExecuteStatement, query.EntityType, query.TableName, null, null, null, query.Paging,
                null, DynamoDbAggregate.None, null, consistentRead, allowScan, pageRequest, queryText, query.PartiQL, typeMappings: typeMappings);
        }

        var projection = query.Projection;
        if (pageRequest != null)
        {
            if (query.Paging.Count > 0 || query.Aggregate != DynamoDbAggregate.None)
            {
                throw new InvalidOperationException(DynamoDbStrings.PagingWithSkipOrTake(queryText));
            }

            // The continuation token is the key of the last item returned: read it even when the projection does not.
            projection = projection?.Union(query.EntityType.FindPrimaryKey()!.Properties).ToList();
        }

        var key = query.EntityType.FindPrimaryKey()!;
        var partitionKey = key.Properties[0];
        var sortKey = key.Properties.Count > 1 ? key.Properties[1] : null;

        var conjuncts = query.Predicate?.Conjuncts().ToList() ?? [];
        var comparisons = conjuncts.OfType<DynamoDbComparisonFilter>().ToList();
        var partitionCondition = comparisons.FirstOrDefault(c => c.Property == partitionKey && c.Operator == DynamoDbComparisonOperator.Equal);
        var partitionValues = partitionCondition == null
            ? conjuncts.OfType<DynamoDbInFilter>().FirstOrDefault(f => f.Property == partitionKey)
            : null;
        if (partitionCondition == null && partitionValues == null)
        {
            if (query.ScanIndexForward != null)
            {
                throw new InvalidOperationException(DynamoDbStrings.OrderingNeedsPartitionKey(query.EntityType.DisplayName(), queryText));
            }

            return new DynamoDbReadPlan(
                DynamoDbReadOperation.Scan, query.EntityType, query.TableName, null, null, query.Predicate, query.Paging,
                projection, query.Aggregate, null, consistentRead, allowScan, pageRequest, queryText, pageSize: pageSize);
        }

        conjuncts.Remove((DynamoDbFilter?)partitionCondition ?? partitionValues!);
        if (partitionValues != null && (query.ScanIndexForward != null || pageRequest != null))
        {
            throw new InvalidOperationException(DynamoDbStrings.SeveralPartitionsOrderedOrPaged(query.EntityType.DisplayName(), queryText));
        }

        var sortCondition = sortKey == null ? null : TakeSortKeyCondition(sortKey, conjuncts, query, queryText);
        if (conjuncts.SelectMany(ReferencedProperties).Any(p => p.IsPrimaryKey()))
        {
            throw new InvalidOperationException(DynamoDbStrings.KeyAttributeInQueryFilter(query.EntityType.DisplayName(), queryText));
        }

        var filter = DynamoDbFilter.And(conjuncts);
        var operation = filter == null && (sortKey == null || sortCondition is DynamoDbComparisonFilter { Operator: DynamoDbComparisonOperator.Equal })
            ? DynamoDbReadOperation.GetItem
            : DynamoDbReadOperation.Query;

        return new DynamoDbReadPlan(
            operation, query.EntityType, query.TableName, partitionCondition, sortCondition, filter, query.Paging,
            projection, query.Aggregate, query.ScanIndexForward, consistentRead, allowScan, pageRequest, queryText,
            partitionKeyValues: partitionValues, pageSize: pageSize);
    }

    /// <summary>
    /// Takes the sort-key comparisons out of the conjuncts: an equality, one bound, or a pair of inclusive bounds
    /// (BETWEEN). DynamoDB allows no other use of a key attribute in a Query.
    /// </summary>
    private static DynamoDbFilter? TakeSortKeyCondition(
        IProperty sortKey, List<DynamoDbFilter> conjuncts, DynamoDbQueryExpression query, string queryText)
    {
        if (conjuncts.OfType<DynamoDbFunctionFilter>().FirstOrDefault(
                f => f.Property == sortKey && f.Function == DynamoDbFunctionFilter.BeginsWith) is { } prefix)
        {
            conjuncts.Remove(prefix);
            return prefix;
        }

        var conditions = conjuncts.OfType<DynamoDbComparisonFilter>()
            .Where(c => c.Property == sortKey && c.Operator != DynamoDbComparisonOperator.NotEqual)
            .ToList();
        conditions.ForEach(c => conjuncts.Remove(c));
        switch (conditions)
        {
            case []:
                return null;
            case [var single]:
                return single;
            case [var first, var second] when Bound(first, second, DynamoDbComparisonOperator.GreaterThanOrEqual) is { } low
                && Bound(first, second, DynamoDbComparisonOperator.LessThanOrEqual) is { } high:
                return new DynamoDbBetweenFilter(sortKey, low.Value, high.Value);
            default:
                throw new InvalidOperationException(DynamoDbStrings.UnsupportedSortKeyConditions(query.EntityType.DisplayName(), sortKey.Name, queryText));
        }
    }

    private static IEnumerable<IProperty> ReferencedProperties(DynamoDbFilter filter)
        => filter switch
        {
            DynamoDbLogicalFilter logical => ReferencedProperties(logical.Left).Concat(ReferencedProperties(logical.Right)),
            DynamoDbNotFilter not => ReferencedProperties(not.Operand),
            DynamoDbComparisonFilter comparison => [comparison.Property],
            DynamoDbFunctionFilter function => [function.Property],
            DynamoDbInFilter @in => [@in.Property],
            DynamoDbBetweenFilter between => [between.Property],
            _ => [],
        };

    private static DynamoDbComparisonFilter? Bound(DynamoDbComparisonFilter first, DynamoDbComparisonFilter second, DynamoDbComparisonOperator op)
        => first.Operator == op ? first : second.Operator == op ? second : null;
}
