using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Infrastructure;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>Makes the AWS SDK request of one execution of a read plan, with that execution's parameter values.</summary>
internal static class DynamoDbReadRequestFactory
{
    /// <summary>
    /// The requests of the read, in order: one; one per partition key value of an <c>IN</c>, per sort key value of an
    /// <c>IN</c>, or per pair of both (a <c>BatchGetItem</c> of up to 100 of them when each fixes a full key); one per
    /// segment of a parallel scan. None when a key value is null or a condition on all items is false, so that no item
    /// can match.
    /// </summary>
    public static IEnumerable<AmazonDynamoDBRequest> CreateAll(
        DynamoDbReadPlan plan,
        IReadOnlyDictionary<string, object?> parameters,
        DynamoDbContextSettings settings,
        int? limit)
    {
        if (plan.MatchesNothing(parameters))
        {
            return [];
        }

        if (plan.PartitionKeyValues == null && plan.SortKeyValues == null && plan.KeyList == null)
        {
            if (Create(plan, parameters, settings, limit, plan.PartitionKeyCondition, plan.SortKeyCondition) is not { } single)
            {
                return [];
            }

            return single is ScanRequest && plan.EvaluateScanSegments(parameters) is { } segments
                ? segments.Segments.Select(segment => InSegment((ScanRequest)Create(plan, parameters, settings, limit, null, null)!, segment, segments)).ToList()
                : [single];
        }

        var requests = KeyConditions(plan, parameters)
            .Select(key => Create(plan, parameters, settings, limit, key.PartitionKey, key.SortKey))
            .OfType<AmazonDynamoDBRequest>()
            .ToList();

        // Full keys for several values: read by BatchGetItem, 100 keys per request, not one GetItem per key.
        return plan.Operation == DynamoDbReadOperation.GetItem && requests.Count > 1
            ? requests.Cast<GetItemRequest>().Chunk(DynamoDbServiceLimits.BatchGetKeys).Select(BatchOf).ToList<AmazonDynamoDBRequest>()
            : requests;
    }

    /// <summary>
    /// The key conditions of each request of a read of several keys: those of a key list, or each partition key value
    /// with each sort key value (or condition). Keys asked twice are read once.
    /// </summary>
    private static IEnumerable<(DynamoDbComparisonFilter? PartitionKey, DynamoDbFilter? SortKey)> KeyConditions(
        DynamoDbReadPlan plan, IReadOnlyDictionary<string, object?> parameters)
    {
        if (plan.KeyList is { } keyList)
        {
            var partitionKey = plan.KeyProperties[0];
            return keyList.Evaluate(parameters)
                .DistinctBy(equalities => string.Join(", ", equalities.Select(e => e.Value.ToAttributeValue(parameters) is { } v ? DynamoDbRequestPrinter.PrintValue(v) : "")))
                .Select(equalities => (
                    (DynamoDbComparisonFilter?)equalities.First(e => e.Property == partitionKey),
                    (DynamoDbFilter?)equalities.FirstOrDefault(e => e.Property != partitionKey)));
        }

        return
            from partitionKey in EqualityPerValue(plan.PartitionKeyValues, parameters) ?? [plan.PartitionKeyCondition]
            from sortKey in EqualityPerValue(plan.SortKeyValues, parameters) ?? (IEnumerable<DynamoDbFilter?>)[plan.SortKeyCondition]
            select (partitionKey, sortKey);
    }

    /// <summary>The distinct, non-null values of a key's <c>IN</c>, each as an equality; null when the key has no <c>IN</c>.</summary>
    private static IEnumerable<DynamoDbComparisonFilter?>? EqualityPerValue(DynamoDbInFilter? values, IReadOnlyDictionary<string, object?> parameters)
        => values?.Evaluate(parameters)
            .OfType<AttributeValue>()
            .DistinctBy(DynamoDbRequestPrinter.PrintValue)
            .Select(value => DynamoDbComparisonFilter.Equal(values.Property, value));

    private static ScanRequest InSegment(ScanRequest scan, int segment, DynamoDbScanSegments segments)
    {
        scan.Segment = segment;
        scan.TotalSegments = segments.TotalSegments;
        return scan;
    }

    /// <summary>
    /// The <c>BatchGetItem</c> of several <c>GetItem</c> requests alike but for their keys; a projection also reads
    /// the key attributes, by which the items found are put back in the order asked.
    /// </summary>
    private static BatchGetItemRequest BatchOf(GetItemRequest[] gets)
    {
        var first = gets[0];
        var projection = first.ProjectionExpression;
        var names = first.ExpressionAttributeNames;
        if (projection != null)
        {
            names = new Dictionary<string, string>(names);
            var projected = projection.Split(", ").ToHashSet();
            foreach (var keyName in first.Key.Keys.Where(k => !names.Any(n => n.Value == k && projected.Contains(n.Key))))
            {
                var alias = "#key";
                while (names.ContainsKey(alias))
                {
                    alias += "_";
                }

                names[alias] = keyName;
                projection += ", " + alias;
            }
        }

        return new BatchGetItemRequest
        {
            RequestItems = new Dictionary<string, KeysAndAttributes>
            {
                [first.TableName] = new()
                {
                    Keys = gets.Select(g => g.Key).ToList(),
                    ProjectionExpression = projection,
                    ExpressionAttributeNames = projection == null ? null : names,
                    ConsistentRead = first.ConsistentRead,
                },
            },
            ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        };
    }

    private static AmazonDynamoDBRequest? Create(
        DynamoDbReadPlan plan,
        IReadOnlyDictionary<string, object?> parameters,
        DynamoDbContextSettings settings,
        int? limit,
        DynamoDbComparisonFilter? partitionKeyCondition,
        DynamoDbFilter? sortKeyCondition)
    {
        var tableName = settings.ResolveTableName(plan.TableName);
        // A context-wide ConsistentReads() does not apply to global indexes, which cannot read consistently.
        var globalIndex = plan.Index?.GetSecondaryIndexType() == DynamoDbSecondaryIndexType.Global;
        bool? consistentRead = plan.ConsistentRead ?? (settings.ConsistentReads && !globalIndex) ? true : null;
        var writer = new DynamoDbExpressionWriter();
        var conditions = new DynamoDbConditionWriter(writer, parameters);
        var select = plan.Aggregate == DynamoDbAggregate.None ? null : Select.COUNT;
        var pageSize = plan.EvaluatePageSize(parameters);
        switch (plan.Operation)
        {
            case DynamoDbReadOperation.ExecuteStatement:
            {
                var (statement, arguments) = plan.PartiQL!.Value;
                var values = DynamoDbPartiQLStatement.BindValues(arguments, parameters, plan.TypeMappings!);
                return new ExecuteStatementRequest
                {
                    Statement = DynamoDbPartiQLStatement.ResolveTables(statement, plan.TableName, tableName),
                    Parameters = values.Count > 0 ? values : null,
                    ConsistentRead = consistentRead,
                    ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
                };
            }

            case DynamoDbReadOperation.GetItem:
            {
                var key = new Dictionary<string, AttributeValue>();
                foreach (var condition in KeyConditions(partitionKeyCondition, sortKeyCondition).Cast<DynamoDbComparisonFilter>())
                {
                    if (condition.Value.ToAttributeValue(parameters) is not { } value || IsEmpty(value))
                    {
                        return null;
                    }

                    key[condition.Property!.GetAttributeName()] = value;
                }

                var getProjection = Projection(plan, writer);
                return new GetItemRequest
                {
                    TableName = tableName,
                    Key = key,
                    ProjectionExpression = getProjection,
                    ExpressionAttributeNames = getProjection == null ? null : writer.Names,
                    ConsistentRead = consistentRead,
                    ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
                };
            }

            case DynamoDbReadOperation.Query:
            {
                if (KeyConditions(partitionKeyCondition, sortKeyCondition).SelectMany(Operands).Any(o => o.ToAttributeValue(parameters) is not { } value || IsEmpty(value))
                    || (sortKeyCondition is DynamoDbBetweenFilter range && range.IsEmpty(parameters)))
                {
                    return null;
                }

                // Items at an excluded bound are dropped on the client: they must be read (not counted) and may not
                // count towards a Limit.
                var trims = sortKeyCondition is DynamoDbBetweenFilter { ExcludesBound: true };

                var keyCondition = string.Join(" AND ", KeyConditions(partitionKeyCondition, sortKeyCondition).Select(conditions.Write));
                var filter = conditions.WriteFilter(plan.Filter);

                // An index that lacks attributes is read for its keys; the table gives the rest afterwards.
                var projection = plan.ReadsFromTable || (trims && plan.Aggregate != DynamoDbAggregate.None)
                    ? string.Join(", ", plan.KeyProperties.Select(p => writer.Name(p.GetAttributeName())))
                    : Projection(plan, writer);
                if (trims && projection != null && writer.Path(((DynamoDbBetweenFilter)sortKeyCondition!).Property) is var sortKey
                    && !projection.Split(", ").Contains(sortKey))
                {
                    // The bound is checked on the sort key: it is read even when not projected.
                    projection += ", " + sortKey;
                }

                return new QueryRequest
                {
                    TableName = tableName,
                    IndexName = plan.Index?.GetSecondaryIndexName(),
                    KeyConditionExpression = keyCondition,
                    FilterExpression = filter,
                    ProjectionExpression = projection,
                    Select = trims ? null : select,
                    ExpressionAttributeNames = writer.Names,
                    ExpressionAttributeValues = writer.Values,
                    Limit = RequestLimit(trims ? filter ?? "" : filter, limit, pageSize),
                    ScanIndexForward = plan.ScanIndexForward,
                    ConsistentRead = consistentRead,
                    ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
                };
            }

            default:
            {
                var filter = conditions.WriteFilter(plan.Filter);
                var projection = Projection(plan, writer);
                return new ScanRequest
                {
                    TableName = tableName,
                    FilterExpression = filter,
                    ProjectionExpression = projection,
                    Select = select,
                    ExpressionAttributeNames = writer.Names.Count > 0 ? writer.Names : null,
                    ExpressionAttributeValues = writer.Values.Count > 0 ? writer.Values : null,
                    Limit = RequestLimit(filter, limit, pageSize),
                    ConsistentRead = consistentRead,
                    ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
                };
            }
        }
    }

    /// <summary>
    /// The <c>BatchGetItem</c> of the given keys of a plan's table, reading what the plan reads: it completes index
    /// results from the table, and reads related items by key.
    /// </summary>
    public static BatchGetItemRequest CompleteFromTable(
        DynamoDbReadPlan plan, DynamoDbContextSettings settings, IEnumerable<Dictionary<string, AttributeValue>> keys)
    {
        var writer = new DynamoDbExpressionWriter();
        var projection = plan.Projection == null
            ? null
            : string.Join(", ", plan.Projection.Union(plan.EntityType.FindPrimaryKey()!.Properties).Select(writer.Path));
        return new BatchGetItemRequest
        {
            RequestItems = new Dictionary<string, KeysAndAttributes>
            {
                [settings.ResolveTableName(plan.TableName)] = new()
                {
                    Keys = keys.ToList(),
                    ProjectionExpression = projection,
                    ExpressionAttributeNames = projection == null ? null : writer.Names,
                    ConsistentRead = plan.ConsistentRead ?? settings.ConsistentReads ? true : null,
                },
            },
            ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        };
    }

    /// <summary>The projection text; a projection that reads nothing reads the partition key, so that items still count.</summary>
    private static string? Projection(DynamoDbReadPlan plan, DynamoDbExpressionWriter writer)
        => plan.Projection switch
        {
            // Select=COUNT reads no attributes; GetItem has no COUNT and reads the key alone.
            _ when plan.Aggregate != DynamoDbAggregate.None && plan.Operation != DynamoDbReadOperation.GetItem => null,
            _ when plan.Aggregate != DynamoDbAggregate.None => writer.Name(plan.EntityType.FindPrimaryKey()!.Properties[0].GetAttributeName()),
            null => null,
            [] => writer.Name(plan.EntityType.FindPrimaryKey()!.Properties[0].GetAttributeName()),
            var properties => string.Join(", ", properties.Select(writer.Path)),
        };

    /// <summary>
    /// DynamoDB's Limit counts items evaluated before the filter: without a filter it can stop at the results needed;
    /// with one it is only the page size asked for.
    /// </summary>
    private static int? RequestLimit(string? filter, int? resultsNeeded, int? pageSize)
        => (filter == null ? resultsNeeded : null, pageSize) switch
        {
            (null, var size) => size,
            (var needed, null) => needed,
            (var needed, var size) => Math.Min(needed!.Value, size!.Value),
        };

    /// <summary>
    /// Refuses an execution that compares a nullable index key with null (an equality, or a null among its values):
    /// the items without the attribute, which the comparison matches, are not in the index. (A null matches nothing on
    /// the table's key, which every item has, nor on a required property: no request is sent.)
    /// </summary>
    public static void RefuseNullIndexKeys(DynamoDbReadPlan plan, IReadOnlyDictionary<string, object?> parameters)
    {
        if (plan.Index != null
            && (KeyComparedWithNull(plan.PartitionKeyCondition, plan.PartitionKeyValues, parameters)
                ?? KeyComparedWithNull(plan.SortKeyCondition as DynamoDbComparisonFilter, plan.SortKeyValues, parameters)) is { } key)
        {
            throw new InvalidOperationException(DynamoDbStrings.NullIndexKeyValue(
                plan.EntityType.DisplayName(), key.Name, plan.Index.GetSecondaryIndexName()!, plan.QueryText.ToString()));
        }
    }

    /// <summary>
    /// The nullable key that an equality or a list of values compares with null in this execution, if any. Only
    /// nullable keys are evaluated: most index keys are required, and their reads pay nothing more.
    /// </summary>
    private static IProperty? KeyComparedWithNull(
        DynamoDbComparisonFilter? equality, DynamoDbInFilter? values, IReadOnlyDictionary<string, object?> parameters)
        => equality is { Operator: DynamoDbComparisonOperator.Equal, Property: { IsNullable: true } key } && equality.Value.ToAttributeValue(parameters) == null
            ? key
            : values is { Property.IsNullable: true } && values.Evaluate(parameters).Any(value => value == null)
                ? values.Property
                : null;

    /// <summary>No key holds an empty string or binary value, so a condition on one matches nothing.</summary>
    private static bool IsEmpty(AttributeValue value) => value.S?.Length == 0 || value.B?.Length == 0;

    private static IEnumerable<DynamoDbFilter> KeyConditions(DynamoDbComparisonFilter? partitionKeyCondition, DynamoDbFilter? sortKeyCondition)
        => new[] { partitionKeyCondition, sortKeyCondition }.OfType<DynamoDbFilter>();

    private static IEnumerable<DynamoDbValueOperand> Operands(DynamoDbFilter keyCondition)
        => keyCondition switch
        {
            DynamoDbComparisonFilter comparison => [comparison.Value],
            DynamoDbBetweenFilter between => [between.Low, between.High],
            DynamoDbFunctionFilter function => [function.Value],
            _ => [],
        };
}
