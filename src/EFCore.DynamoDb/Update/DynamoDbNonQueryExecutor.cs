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
    public static int Execute(
        QueryContext queryContext, DynamoDbReadPlan plan, IReadOnlyList<DynamoDbUpdateSetter>? setters, bool threadSafetyChecksEnabled)
        => DynamoDbClientWrapper.Wait(() => ExecuteAsync(queryContext, plan, setters, threadSafetyChecksEnabled, default));

    public static async Task<int> ExecuteAsync(
        QueryContext queryContext,
        DynamoDbReadPlan plan,
        IReadOnlyList<DynamoDbUpdateSetter>? setters,
        bool threadSafetyChecksEnabled,
        CancellationToken cancellationToken)
    {
        var context = (DynamoDbQueryContext)queryContext;
        using var _ = (threadSafetyChecksEnabled ? context.ConcurrencyDetector : null)?.EnterCriticalSection();
        try
        {
            return await WriteAsync(context, plan, setters, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception)
        {
            if (DynamoDbQueryFailure.ReportCancellation(context, context.Context.GetType(), exception, cancellationToken) is { } canceled)
            {
                throw canceled;
            }

            throw;
        }
    }

    private static async Task<int> WriteAsync(
        DynamoDbQueryContext context, DynamoDbReadPlan plan, IReadOnlyList<DynamoDbUpdateSetter>? setters, CancellationToken cancellationToken)
    {
        if (plan.MatchesNothing(context.Parameters))
        {
            // The query's condition is false for every item (Where(x => false), a bool variable): nothing changes.
            return 0;
        }

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

            condition = DynamoDbFilter.And(new[] { plan.PartitionKeyCondition, plan.SortKeyCondition, plan.KeyPresence, plan.Filter }.OfType<DynamoDbFilter>());
        }

        // Every write is made (and its size checked) before any is sent.
        var writes = keys.Select(itemKey => Prepare(client, plan, setters, condition, itemKey, context.Parameters)).ToList();
        if (writes.Count == 1)
        {
            // The full-key case: one write, awaited here rather than handed to the thread pool.
            return await SendAsync(client, writes[0], cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        var changed = 0;
        await Parallel.ForEachAsync(
            writes,
            new ParallelOptions { MaxDegreeOfParallelism = client.Settings.MaxWriteConcurrency, CancellationToken = cancellationToken },
            async (write, token) =>
            {
                if (await SendAsync(client, write, token).ConfigureAwait(false))
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
            var keyProperty = condition.Property!;
            key[keyProperty.GetAttributeName()] = condition.Value.ToAttributeValue(parameters)
                ?? throw new InvalidOperationException(Properties.DynamoDbStrings.EmptyKeyValue(plan.EntityType.DisplayName(), keyProperty.Name));
        }

        return key;
    }

    /// <summary>The conditional update or delete of one item; one DynamoDB would refuse for its size is refused here.</summary>
    private static DynamoDbItemWrite Prepare(
        DynamoDbClientWrapper client,
        DynamoDbReadPlan plan,
        IReadOnlyList<DynamoDbUpdateSetter>? setters,
        DynamoDbFilter? filter,
        Dictionary<string, AttributeValue> key,
        IReadOnlyDictionary<string, object?> parameters)
    {
        var writer = new DynamoDbExpressionWriter();
        var partitionKey = writer.Name(plan.EntityType.FindPrimaryKey()!.Properties[0].GetAttributeName());
        var filterText = new DynamoDbConditionWriter(writer, parameters).WriteFilter(filter);
        var condition = $"attribute_exists({partitionKey})" + (filterText == null ? "" : " AND " + filterText);
        var update = setters == null ? null : UpdateExpression(setters, writer, parameters);
        var size = DynamoDbItemSize.Of(key) + (update?.ValueBytes ?? 0);
        if (size > DynamoDbServiceLimits.ItemBytes)
        {
            throw new InvalidOperationException(Properties.DynamoDbStrings.ItemTooLarge(
                plan.EntityType.DisplayName(), "{" + string.Join(", ", key.Keys) + "}", size));
        }

        return new DynamoDbItemWrite
        {
            Kind = setters == null ? DynamoDbItemWriteKind.Delete : DynamoDbItemWriteKind.Update,
            TableName = client.Settings.ResolveTableName(plan.TableName),
            Key = key,
            UpdateExpression = update?.Build(),
            ConditionExpression = condition,
            Names = writer.Names,
            Values = writer.Values.Count > 0 ? writer.Values : null,
            Size = size,
        };
    }

    /// <summary>Sends a write; false when its condition failed (the item is gone, or no longer matches the query).</summary>
    private static async Task<bool> SendAsync(DynamoDbClientWrapper client, DynamoDbItemWrite write, CancellationToken cancellationToken)
    {
        try
        {
            await DynamoDbWriteRenderer.SendAsync(client, write, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private static DynamoDbUpdateExpressionBuilder UpdateExpression(
        IReadOnlyList<DynamoDbUpdateSetter> setters, DynamoDbExpressionWriter writer, IReadOnlyDictionary<string, object?> parameters)
    {
        var update = new DynamoDbUpdateExpressionBuilder(writer);
        foreach (var setter in setters)
        {
            var name = writer.Path(setter.Property);
            var value = setter.Value.ToAttributeValue(parameters);
            switch (setter.Kind)
            {
                case DynamoDbUpdateSetterKind.Assign:
                    update.Assign(name, value);
                    break;
                case DynamoDbUpdateSetterKind.AddToSet or DynamoDbUpdateSetterKind.RemoveFromSet when value == null:
                    // No elements to add or remove: an empty set is not a DynamoDB value.
                    break;
                case DynamoDbUpdateSetterKind.AddToSet:
                    update.AddToSet(name, value!);
                    break;
                case DynamoDbUpdateSetterKind.RemoveFromSet:
                    update.RemoveFromSet(name, value!);
                    break;
                case DynamoDbUpdateSetterKind.AppendToList:
                    update.Append(name, value!);
                    break;
                default:
                    update.Increment(
                        name,
                        value ?? throw new InvalidOperationException(
                            Properties.DynamoDbStrings.NullCounterIncrement(setter.Property.DeclaringType.DisplayName(), setter.Property.Name)),
                        subtract: setter.Kind != DynamoDbUpdateSetterKind.Add);
                    break;
            }
        }

        return update;
    }
}
