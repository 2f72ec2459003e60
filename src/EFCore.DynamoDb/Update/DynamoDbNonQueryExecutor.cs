using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Query;
using EFCore.DynamoDb.Query.Internal;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Update;

/// <summary>
/// Runs <c>ExecuteUpdate</c>/<c>ExecuteDelete</c>. A query that fixes the full key is one conditional
/// <c>UpdateItem</c>/<c>DeleteItem</c>: the query's other conditions become its <c>ConditionExpression</c>. Any other
/// query first reads the keys it matches, then writes each item with the same condition (re-checked at write time):
/// not atomic as a whole. Returns the number of items changed.
/// </summary>
internal static class DynamoDbNonQueryExecutor
{
    public static int Execute(QueryContext queryContext, DynamoDbReadPlan plan, IReadOnlyList<DynamoDbUpdateSetter>? setters)
        => DynamoDbClientWrapper.Wait(() => ExecuteAsync(queryContext, plan, setters, default));

    public static async Task<int> ExecuteAsync(
        QueryContext queryContext, DynamoDbReadPlan plan, IReadOnlyList<DynamoDbUpdateSetter>? setters, CancellationToken cancellationToken)
    {
        var context = (DynamoDbQueryContext)queryContext;
        var client = context.ClientWrapper;
        var keyNames = plan.EntityType.FindPrimaryKey()!.Properties.Select(p => p.GetAttributeName()).ToList();
        var keys = new List<Dictionary<string, AttributeValue>>();
        var condition = plan.Filter;
        if (FullKey(plan, context.Parameters) is { } key)
        {
            keys.Add(key);
        }
        else
        {
            // Read the matching keys first; the filter is checked again when each item is written.
            var cursor = new DynamoDbReadCursor(context, plan, plan.EvaluatePaging(context.Parameters).ItemsToRead);
            while (await cursor.ReadNextPageAsync(cancellationToken).ConfigureAwait(false) is { } page)
            {
                keys.AddRange(page.Items.Select(item => keyNames.ToDictionary(name => name, name => item[name])));
            }

            condition = DynamoDbFilter.And(new[] { plan.PartitionKeyCondition, plan.SortKeyCondition, plan.Filter }.OfType<DynamoDbFilter>());
        }

        if (keys.Count == 1)
        {
            // The full-key case: one write, awaited here rather than handed to the thread pool.
            return await WriteAsync(client, plan, setters, condition, keys[0], context.Parameters, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        var changed = 0;
        await Parallel.ForEachAsync(
            keys,
            new ParallelOptions { MaxDegreeOfParallelism = client.Settings.MaxWriteConcurrency, CancellationToken = cancellationToken },
            async (itemKey, token) =>
            {
                if (await WriteAsync(client, plan, setters, condition, itemKey, context.Parameters, token).ConfigureAwait(false))
                {
                    Interlocked.Increment(ref changed);
                }
            }).ConfigureAwait(false);
        return changed;
    }

    /// <summary>The key when the query fixes the whole primary key of the table; null otherwise.</summary>
    private static Dictionary<string, AttributeValue>? FullKey(DynamoDbReadPlan plan, IReadOnlyDictionary<string, object?> parameters)
    {
        var primaryKey = plan.EntityType.FindPrimaryKey()!.Properties;
        if (plan.Index != null || plan.PartitionKeyCondition == null || plan.Paging.Count > 0
            || (primaryKey.Count > 1 && plan.SortKeyCondition is not DynamoDbComparisonFilter { Operator: DynamoDbComparisonOperator.Equal }))
        {
            return null;
        }

        var conditions = new[] { plan.PartitionKeyCondition, plan.SortKeyCondition as DynamoDbComparisonFilter }.OfType<DynamoDbComparisonFilter>();
        var key = new Dictionary<string, AttributeValue>();
        foreach (var condition in conditions)
        {
            key[condition.Property.GetAttributeName()] = condition.Value.ToAttributeValue(parameters)
                ?? throw new InvalidOperationException(Properties.DynamoDbStrings.EmptyKeyValue(plan.EntityType.DisplayName(), condition.Property.Name));
        }

        return key;
    }

    private static async Task<bool> WriteAsync(
        DynamoDbClientWrapper client,
        DynamoDbReadPlan plan,
        IReadOnlyList<DynamoDbUpdateSetter>? setters,
        DynamoDbFilter? filter,
        Dictionary<string, AttributeValue> key,
        IReadOnlyDictionary<string, object?> parameters,
        CancellationToken cancellationToken)
    {
        var writer = new DynamoDbExpressionWriter(parameters);
        var partitionKey = writer.Name(plan.EntityType.FindPrimaryKey()!.Properties[0].GetAttributeName());
        var condition = $"attribute_exists({partitionKey})" + (filter == null ? "" : " AND " + writer.Write(filter));
        var tableName = client.Settings.ResolveTableName(plan.TableName);
        try
        {
            if (setters == null)
            {
                await client.DeleteItemAsync(
                    new DeleteItemRequest
                    {
                        TableName = tableName, Key = key, ConditionExpression = condition,
                        ExpressionAttributeNames = writer.Names, ExpressionAttributeValues = writer.Values.Count > 0 ? writer.Values : null,
                        ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
                    },
                    cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var update = UpdateExpression(setters, writer, parameters);
                await client.UpdateItemAsync(
                    new UpdateItemRequest
                    {
                        TableName = tableName, Key = key, UpdateExpression = update, ConditionExpression = condition,
                        ExpressionAttributeNames = writer.Names, ExpressionAttributeValues = writer.Values.Count > 0 ? writer.Values : null,
                        ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
                    },
                    cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            // The item is gone, or no longer matches the query's conditions: it is not changed.
            return false;
        }
    }

    private static string UpdateExpression(
        IReadOnlyList<DynamoDbUpdateSetter> setters, DynamoDbExpressionWriter writer, IReadOnlyDictionary<string, object?> parameters)
    {
        var sets = new List<string>();
        var removes = new List<string>();
        var adds = new List<string>();
        var deletes = new List<string>();
        foreach (var setter in setters)
        {
            var name = writer.Path(setter.Property);
            var value = setter.Value.ToAttributeValue(parameters);
            switch (setter.Kind)
            {
                case DynamoDbUpdateSetterKind.Assign when value == null:
                    removes.Add(name);
                    break;
                case DynamoDbUpdateSetterKind.Assign:
                    sets.Add($"{name} = {writer.Value(value)}");
                    break;
                case DynamoDbUpdateSetterKind.AddToSet or DynamoDbUpdateSetterKind.RemoveFromSet when value == null:
                    // No elements to add or remove: an empty set is not a DynamoDB value.
                    break;
                case DynamoDbUpdateSetterKind.AddToSet:
                    adds.Add($"{name} {writer.Value(value!)}");
                    break;
                case DynamoDbUpdateSetterKind.RemoveFromSet:
                    deletes.Add($"{name} {writer.Value(value!)}");
                    break;
                case DynamoDbUpdateSetterKind.AppendToList:
                    var emptyList = writer.Value(new AttributeValue { L = [] });
                    sets.Add($"{name} = list_append(if_not_exists({name}, {emptyList}), {writer.Value(value!)})");
                    break;
                default:
                    // An absent counter starts from zero.
                    var zero = writer.Value(new AttributeValue { N = "0" });
                    var amount = value ?? throw new InvalidOperationException(
                        Properties.DynamoDbStrings.NullCounterIncrement(setter.Property.DeclaringType.DisplayName(), setter.Property.Name));
                    sets.Add($"{name} = if_not_exists({name}, {zero}) {(setter.Kind == DynamoDbUpdateSetterKind.Add ? "+" : "-")} {writer.Value(amount)}");
                    break;
            }
        }

        return string.Join(" ", new[] { ("SET", sets), ("REMOVE", removes), ("ADD", adds), ("DELETE", deletes) }
            .Where(clause => clause.Item2.Count > 0)
            .Select(clause => clause.Item1 + " " + string.Join(", ", clause.Item2)));
    }
}
