using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Chooses the cheapest correct operation for a translated query: <c>GetItem</c> when the predicate fixes the full
/// primary key and nothing else, <c>Query</c> when it fixes the partition key (a sort-key comparison becomes part of
/// the key condition, the rest the filter), else <c>Scan</c>.
/// </summary>
internal static class DynamoDbReadPlanner
{
    public static DynamoDbReadPlan Plan(DynamoDbQueryExpression query, bool? consistentRead, bool allowScan, string queryText)
    {
        var key = query.EntityType.FindPrimaryKey()!;
        var partitionKey = key.Properties[0];
        var sortKey = key.Properties.Count > 1 ? key.Properties[1] : null;

        var conjuncts = query.Predicate?.Conjuncts().ToList() ?? [];
        var comparisons = conjuncts.OfType<DynamoDbComparisonFilter>().ToList();
        var partitionCondition = comparisons.FirstOrDefault(c => c.Property == partitionKey && c.Operator == DynamoDbComparisonOperator.Equal);
        if (partitionCondition == null)
        {
            if (query.ScanIndexForward != null)
            {
                throw new InvalidOperationException(DynamoDbStrings.OrderingNeedsPartitionKey(query.EntityType.DisplayName(), queryText));
            }

            return new DynamoDbReadPlan(
                DynamoDbReadOperation.Scan, query.EntityType, query.TableName, null, null, query.Predicate, query.Limits,
                null, consistentRead, allowScan, queryText);
        }

        conjuncts.Remove(partitionCondition);
        var sortCondition = sortKey == null
            ? null
            : comparisons.FirstOrDefault(c => c.Property == sortKey && c.Operator == DynamoDbComparisonOperator.Equal)
                ?? comparisons.FirstOrDefault(c => c.Property == sortKey && c.Operator != DynamoDbComparisonOperator.NotEqual);
        if (sortCondition != null)
        {
            conjuncts.Remove(sortCondition);
        }

        var filter = DynamoDbFilter.And(conjuncts);
        var operation = filter == null && (sortKey == null || sortCondition?.Operator == DynamoDbComparisonOperator.Equal)
            ? DynamoDbReadOperation.GetItem
            : DynamoDbReadOperation.Query;

        return new DynamoDbReadPlan(
            operation, query.EntityType, query.TableName, partitionCondition, sortCondition, filter, query.Limits,
            query.ScanIndexForward, consistentRead, allowScan, queryText);
    }
}
