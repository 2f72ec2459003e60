using System.Linq.Expressions;
using EFCore.DynamoDb.Metadata;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Chooses the cheapest correct operation for a translated query: <c>GetItem</c> when the predicate fixes the full
/// primary key and nothing else; <c>Query</c> when it fixes the partition key of the table or of a secondary index
/// that holds what the query reads (a sort-key condition becomes part of the key condition, the rest the filter);
/// else <c>Scan</c>.
/// </summary>
internal static class DynamoDbReadPlanner
{
    public static DynamoDbReadPlan Plan(
        DynamoDbQueryExpression query,
        DynamoDbReadOptions options,
        ITypeMappingSource typeMappings)
    {
        var entityType = query.EntityType;
        var queryText = options.QueryText;
        if (query.PartiQL != null)
        {
            if (options.ScanSegments != null)
            {
                throw new InvalidOperationException(DynamoDbStrings.ScanSegmentsWithoutScan(entityType.DisplayName(), queryText));
            }

            DynamoDbPartiQLStatement.CheckReadsTable(query.PartiQL.Value.Statement, query.TableName, entityType.DisplayName());
            return new DynamoDbReadPlan
            {
                Operation = DynamoDbReadOperation.ExecuteStatement, EntityType = entityType, TableName = query.TableName,
                KeyProperties = entityType.FindPrimaryKey()!.Properties, QueryText = queryText, PartiQL = query.PartiQL,
                TypeMappings = typeMappings, Paging = query.Paging, ConsistentRead = options.ConsistentRead,
            };
        }

        if (options.PageRequest != null && (query.Paging.Count > 0 || query.Aggregate != DynamoDbAggregate.None))
        {
            throw new InvalidOperationException(DynamoDbStrings.PagingWithSkipOrTake(queryText));
        }

        var conjuncts = query.Predicate?.Conjuncts().ToList() ?? [];
        var guards = conjuncts.OfType<DynamoDbBooleanFilter>().ToList();
        conjuncts.RemoveAll(c => c is DynamoDbBooleanFilter);
        if (KeyList(conjuncts, entityType, options) is { } keys)
        {
            return PlanKeyList(query, options, conjuncts, keys) with { Guards = guards };
        }

        var source = ChooseKeySource(query, options, conjuncts, out var skippedIndex);
        if (source != null && options.ScanSegments != null)
        {
            throw new InvalidOperationException(DynamoDbStrings.ScanSegmentsWithoutScan(entityType.DisplayName(), queryText));
        }

        if (source == null)
        {
            if (query.OrderingProperty != null)
            {
                throw new InvalidOperationException(
                    DynamoDbStrings.OrderingNeedsPartitionKey(entityType.DisplayName(), queryText) + skippedIndex?.QueryNote(entityType));
            }

            return new DynamoDbReadPlan
            {
                Operation = DynamoDbReadOperation.Scan, EntityType = entityType, TableName = query.TableName,
                KeyProperties = entityType.FindPrimaryKey()!.Properties, Filter = DynamoDbFilter.And(conjuncts), QueryText = queryText,
                Projection = Projection(query, options, entityType.FindPrimaryKey()!.Properties), Aggregate = query.Aggregate,
                ConsistentRead = options.ConsistentRead, AllowScan = options.AllowScan, Paging = query.Paging,
                PageRequest = options.PageRequest, PageSize = options.PageSize, ScanSegments = options.ScanSegments,
                ReadRateLimit = options.ReadRateLimit, Guards = guards, SkippedIndex = skippedIndex,
            };
        }

        var (index, partitionKey, sortKey, keyProperties) = source.Value;

        // Every item of the table or index read has its key attributes: x.Key != null holds for each of them.
        var keyPresence = conjuncts.Where(c => c is DynamoDbComparisonFilter { Operator: DynamoDbComparisonOperator.NotEqual } comparison
            && comparison.Value.IsAlwaysNull && (comparison.Property == partitionKey || comparison.Property == sortKey)).ToList();
        conjuncts.RemoveAll(keyPresence.Contains);
        var partitionCondition = PartitionEquality(conjuncts, partitionKey);
        var partitionValues = partitionCondition == null ? conjuncts.OfType<DynamoDbInFilter>().First(f => f.Property == partitionKey) : null;
        conjuncts.Remove((DynamoDbFilter?)partitionCondition ?? partitionValues!);
        if (partitionValues != null && (query.OrderingProperty != null || options.PageRequest != null))
        {
            throw new InvalidOperationException(DynamoDbStrings.SeveralPartitionsOrderedOrPaged(entityType.DisplayName(), queryText));
        }

        var sortValues = sortKey == null ? null : conjuncts.OfType<DynamoDbInFilter>().FirstOrDefault(f => f.Property == sortKey);
        if (sortValues != null)
        {
            conjuncts.Remove(sortValues);
            if (query.OrderingProperty != null || options.PageRequest != null)
            {
                throw new InvalidOperationException(DynamoDbStrings.SeveralSortKeysOrderedOrPaged(entityType.DisplayName(), sortKey!.Name, queryText));
            }
        }

        var sortCondition = sortKey == null ? null : TakeSortKeyCondition(sortKey, conjuncts, query, queryText);
        if (sortValues != null && sortCondition != null)
        {
            throw new InvalidOperationException(DynamoDbStrings.UnsupportedSortKeyConditions(entityType.DisplayName(), sortKey!.Name, queryText));
        }

        if (conjuncts.SelectMany(ReferencedProperties).Any(p => p == partitionKey || p == sortKey))
        {
            throw new InvalidOperationException(DynamoDbStrings.KeyAttributeInQueryFilter(entityType.DisplayName(), queryText));
        }

        if (index?.GetSecondaryIndexType() == DynamoDbSecondaryIndexType.Global && options.ConsistentRead == true)
        {
            throw new InvalidOperationException(DynamoDbStrings.ConsistentReadOnGlobalIndex(index.GetSecondaryIndexName()!));
        }

        var filter = DynamoDbFilter.And(conjuncts);
        var operation = index == null && filter == null
            && (sortKey == null || sortValues != null || sortCondition is DynamoDbComparisonFilter { Operator: DynamoDbComparisonOperator.Equal })
            ? DynamoDbReadOperation.GetItem
            : DynamoDbReadOperation.Query;

        return new DynamoDbReadPlan
        {
            Operation = operation, EntityType = entityType, TableName = query.TableName, Index = index, KeyProperties = keyProperties,
            PartitionKeyCondition = partitionCondition, PartitionKeyValues = partitionValues, SortKeyCondition = sortCondition,
            SortKeyValues = sortValues,
            Filter = filter, Projection = Projection(query, options, keyProperties), Aggregate = query.Aggregate,
            ReadsFromTable = NeedsTableRead(query, index, keyProperties),
            ScanIndexForward = query.OrderingProperty == null ? null : query.OrderAscending, ConsistentRead = options.ConsistentRead,
            AllowScan = options.AllowScan, QueryText = queryText, Paging = query.Paging, PageRequest = options.PageRequest,
            PageSize = options.PageSize, ReadRateLimit = options.ReadRateLimit, Guards = guards, KeyPresence = DynamoDbFilter.And(keyPresence),
        };
    }

    /// <summary>
    /// The <c>keys.Any(k =&gt; k.A == x.PartitionKey &amp;&amp; k.B == x.SortKey)</c> among the conjuncts that compares
    /// exactly the table's primary key, if any (the query then reads those keys, whatever index it names otherwise).
    /// </summary>
    private static DynamoDbTupleInFilter? KeyList(List<DynamoDbFilter> conjuncts, IEntityType entityType, DynamoDbReadOptions options)
        => options.IndexName == null
            ? conjuncts.OfType<DynamoDbTupleInFilter>().FirstOrDefault(
                t => t.Components.Select(c => c.Property).ToHashSet().SetEquals(entityType.FindPrimaryKey()!.Properties))
            : null;

    /// <summary>A read of a list of full keys: <c>BatchGetItem</c>, or one <c>Query</c> per key when a filter remains.</summary>
    private static DynamoDbReadPlan PlanKeyList(
        DynamoDbQueryExpression query, DynamoDbReadOptions options, List<DynamoDbFilter> conjuncts, DynamoDbTupleInFilter keys)
    {
        var entityType = query.EntityType;
        var tableKey = entityType.FindPrimaryKey()!.Properties;
        conjuncts.Remove(keys);
        if (query.OrderingProperty != null || options.PageRequest != null)
        {
            throw new InvalidOperationException(DynamoDbStrings.SeveralPartitionsOrderedOrPaged(entityType.DisplayName(), options.QueryText));
        }

        if (conjuncts.SelectMany(ReferencedProperties).Any(tableKey.Contains))
        {
            throw new InvalidOperationException(DynamoDbStrings.KeyAttributeInQueryFilter(entityType.DisplayName(), options.QueryText));
        }

        var filter = DynamoDbFilter.And(conjuncts);
        return new DynamoDbReadPlan
        {
            Operation = filter == null ? DynamoDbReadOperation.GetItem : DynamoDbReadOperation.Query, EntityType = entityType,
            TableName = query.TableName, KeyProperties = tableKey, KeyList = keys, Filter = filter,
            Projection = Projection(query, options, tableKey), Aggregate = query.Aggregate, ConsistentRead = options.ConsistentRead,
            AllowScan = options.AllowScan, QueryText = options.QueryText, Paging = query.Paging, PageSize = options.PageSize,
            ReadRateLimit = options.ReadRateLimit,
        };
    }

    /// <summary>
    /// The table or secondary index whose partition key the predicate fixes and that can answer the query: the index
    /// named by <c>WithIndex</c>, else the best match (its sort key has a condition or is the ordering), the table
    /// winning ties. Null when nothing fixes a partition key; then <paramref name="skippedIndex"/> is an index that
    /// could have, but lacks items the query returns.
    /// </summary>
    private static (IReadOnlyIndex? Index, IProperty PartitionKey, IProperty? SortKey, IReadOnlyList<IProperty> KeyProperties)? ChooseKeySource(
        DynamoDbQueryExpression query, DynamoDbReadOptions options, List<DynamoDbFilter> conjuncts,
        out DynamoDbSkippedIndex? skippedIndex)
    {
        skippedIndex = null;
        var tableKey = query.EntityType.FindPrimaryKey()!.Properties;
        var candidates = new List<(IReadOnlyIndex? Index, IProperty PartitionKey, IProperty? SortKey, IReadOnlyList<IProperty> KeyProperties)>
        {
            (null, tableKey[0], tableKey.Count > 1 ? tableKey[1] : null, tableKey),
        };
        foreach (var index in query.EntityType.GetIndexes().Where(i => i.GetSecondaryIndexName() != null))
        {
            var indexKey = index.Properties;
            candidates.Add((index, indexKey[0], indexKey.Count > 1 ? indexKey[1] : null, indexKey.Concat(tableKey).Distinct().ToList()));
        }

        if (options.IndexName != null)
        {
            var forced = candidates.FirstOrDefault(c => c.Index?.GetSecondaryIndexName() == options.IndexName);
            if (forced.Index == null)
            {
                throw new InvalidOperationException(DynamoDbStrings.UnknownIndex(query.EntityType.DisplayName(), options.IndexName));
            }

            if (!FixesPartition(conjuncts, forced.PartitionKey))
            {
                throw new InvalidOperationException(DynamoDbStrings.IndexNeedsPartitionKey(options.IndexName, forced.PartitionKey.Name, options.QueryText));
            }

            if (MissingFilterAttributes(conjuncts, forced.Index, forced.KeyProperties) is { Count: > 0 } missing)
            {
                throw new InvalidOperationException(DynamoDbStrings.IndexDoesNotProject(options.IndexName, string.Join(", ", missing), options.QueryText));
            }

            return forced;
        }

        var eligible = candidates
            .Where(c => FixesPartition(conjuncts, c.PartitionKey))
            .Where(c => query.OrderingProperty == null || query.OrderingProperty == c.SortKey)
            .Where(c => c.Index == null || MissingFilterAttributes(conjuncts, c.Index, c.KeyProperties).Count == 0)
            .ToList();

        // An index holds only the items that have its key attributes: one whose key may be absent from items the
        // query returns would leave them out. (WithIndex above reads such an index anyway: the user chose it.)
        var sparse = eligible.Where(c => c.Index != null && AbsentKey(conjuncts, c.PartitionKey, c.SortKey) != null).ToList();
        eligible.RemoveAll(sparse.Contains);
        if (eligible.Count == 0 && sparse.Count > 0)
        {
            var absent = AbsentKey(conjuncts, sparse[0].PartitionKey, sparse[0].SortKey)!;
            skippedIndex = new DynamoDbSkippedIndex(sparse[0].Index!, absent, conjuncts.Any(c => c is DynamoDbComparisonFilter { Operator: DynamoDbComparisonOperator.Equal } comparison
                && comparison.Property == absent && comparison.Value.IsAlwaysNull));
        }

        // A sort-key condition or ordering counts most; then the table, then an index that holds all the query reads.
        return eligible.Count == 0
            ? null
            : eligible.MaxBy(c => (c.SortKey != null && HasSortCondition(conjuncts, c.SortKey) ? 4 : 0)
                + (c.Index == null ? 2 : 0)
                + (NeedsTableRead(query, c.Index, c.KeyProperties) ? 0 : 1));
    }

    /// <summary>
    /// The first key attribute of an index that items the query returns may lack: a nullable property that no
    /// condition of the query requires (an equality with a value, a range, <c>begins_with</c>, <c>!= null</c>).
    /// </summary>
    private static IProperty? AbsentKey(List<DynamoDbFilter> conjuncts, IProperty partitionKey, IProperty? sortKey)
        => new[] { partitionKey, sortKey }.OfType<IProperty>().FirstOrDefault(p => p.IsNullable && !conjuncts.Any(c => RequiresPresent(c, p)));

    private static bool RequiresPresent(DynamoDbFilter condition, IProperty property)
        => condition switch
        {
            // x.P != null, or any other comparison with a value: a null P fails it.
            DynamoDbComparisonFilter comparison => comparison.Property == property
                && (comparison.Operator == DynamoDbComparisonOperator.NotEqual) == comparison.Value.IsAlwaysNull,
            DynamoDbFunctionFilter { Function: DynamoDbFunctionFilter.BeginsWith } function => function.Property == property,
            // A null among the values matches items without the attribute (a collection's nulls are checked per execution).
            DynamoDbInFilter values => values.Property == property && values.Alternatives?.Any(a => a.IsAlwaysNull) != true
                && !(values.Values is ConstantExpression { Value: System.Collections.IEnumerable constant } && constant.Cast<object?>().Contains(null)),
            _ => false,
        };

    private static DynamoDbComparisonFilter? PartitionEquality(List<DynamoDbFilter> conjuncts, IProperty partitionKey)
        => conjuncts.OfType<DynamoDbComparisonFilter>().FirstOrDefault(c => c.Property == partitionKey && c.Operator == DynamoDbComparisonOperator.Equal);

    private static bool FixesPartition(List<DynamoDbFilter> conjuncts, IProperty partitionKey)
        => PartitionEquality(conjuncts, partitionKey) != null || conjuncts.OfType<DynamoDbInFilter>().Any(f => f.Property == partitionKey);

    private static bool HasSortCondition(List<DynamoDbFilter> conjuncts, IProperty sortKey)
        => conjuncts.Any(c => c is DynamoDbComparisonFilter { Operator: not DynamoDbComparisonOperator.NotEqual } comparison && comparison.Property == sortKey
            || c is DynamoDbFunctionFilter { Function: DynamoDbFunctionFilter.BeginsWith } function && function.Property == sortKey
            || c is DynamoDbInFilter values && values.Property == sortKey);

    /// <summary>The attributes the query filters on that an index does not hold: such an index cannot answer it.</summary>
    private static List<string> MissingFilterAttributes(List<DynamoDbFilter> conjuncts, IReadOnlyIndex index, IReadOnlyList<IProperty> keyProperties)
        => Missing(index, keyProperties, conjuncts.SelectMany(ReferencedProperties));

    /// <summary>The attributes the query returns that an index does not hold: they are read from the table afterwards.</summary>
    private static bool NeedsTableRead(DynamoDbQueryExpression query, IReadOnlyIndex? index, IReadOnlyList<IProperty> keyProperties)
        => index != null
            && query.Aggregate == DynamoDbAggregate.None
            && Missing(index, keyProperties, query.Projection
                ?? query.EntityType.GetRootType().GetDerivedTypesInclusive()
                    .SelectMany(t => t.GetDeclaredProperties().Cast<IPropertyBase>()
                        .Concat(t.GetDeclaredComplexProperties())
                        .Concat(t.GetDeclaredNavigations().Where(DynamoDbOwnedKeys.IsOwnedNavigation)))).Count > 0;

    private static List<string> Missing(IReadOnlyIndex index, IReadOnlyList<IProperty> keyProperties, IEnumerable<IPropertyBase> needed)
    {
        if (index.GetProjectionType() == DynamoDbProjectionType.All)
        {
            return [];
        }

        var held = keyProperties.Select(p => p.GetAttributeName()).Concat(index.GetProjectedAttributes()).ToHashSet();
        // An index projects top-level attributes: a member of a map is there when its map is.
        return needed.Select(p => p.GetDocumentPath()[0]).Where(a => !held.Contains(a)).Distinct().ToList();
    }

    /// <summary>What to read: the query's projection, plus the keys a page continues from when the query is paged.</summary>
    private static IReadOnlyList<IProperty>? Projection(
        DynamoDbQueryExpression query, DynamoDbReadOptions options, IReadOnlyList<IProperty> keyProperties)
        => options.PageRequest == null ? query.Projection : query.Projection?.Union(keyProperties).ToList();

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
            case [var first, var second] when LowerBound(first, second) is { } low && UpperBound(first, second) is { } high:
                return new DynamoDbBetweenFilter(
                    sortKey, low.Value, high.Value,
                    ExcludesLow: low.Operator == DynamoDbComparisonOperator.GreaterThan,
                    ExcludesHigh: high.Operator == DynamoDbComparisonOperator.LessThan);
            default:
                throw new InvalidOperationException(DynamoDbStrings.UnsupportedSortKeyConditions(query.EntityType.DisplayName(), sortKey.Name, queryText));
        }
    }

    private static IEnumerable<IPropertyBase> ReferencedProperties(DynamoDbFilter filter)
        => filter switch
        {
            DynamoDbLogicalFilter logical => ReferencedProperties(logical.Left).Concat(ReferencedProperties(logical.Right)),
            DynamoDbNotFilter not => ReferencedProperties(not.Operand),
            DynamoDbComparisonFilter comparison => [comparison.Attribute.Property],
            DynamoDbFunctionFilter function => [function.Property],
            DynamoDbInFilter @in => [@in.Property],
            DynamoDbTupleInFilter tuples => tuples.Components.Select(c => c.Property),
            DynamoDbAttributeComparisonFilter attributes => [attributes.Left.Property, attributes.Right.Property],
            DynamoDbBetweenFilter between => [between.Property],
            _ => [],
        };

    /// <summary>The lower bound of a pair, when exactly one of the two is one.</summary>
    private static DynamoDbComparisonFilter? LowerBound(DynamoDbComparisonFilter first, DynamoDbComparisonFilter second)
        => OnlyOne(first, second, c => c.Operator is DynamoDbComparisonOperator.GreaterThan or DynamoDbComparisonOperator.GreaterThanOrEqual);

    /// <summary>The upper bound of a pair, when exactly one of the two is one.</summary>
    private static DynamoDbComparisonFilter? UpperBound(DynamoDbComparisonFilter first, DynamoDbComparisonFilter second)
        => OnlyOne(first, second, c => c.Operator is DynamoDbComparisonOperator.LessThan or DynamoDbComparisonOperator.LessThanOrEqual);

    private static DynamoDbComparisonFilter? OnlyOne(DynamoDbComparisonFilter first, DynamoDbComparisonFilter second, Func<DynamoDbComparisonFilter, bool> test)
        => test(first) == test(second) ? null : test(first) ? first : second;
}
