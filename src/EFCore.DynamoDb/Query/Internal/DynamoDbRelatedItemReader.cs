using System.Collections.Concurrent;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Infrastructure;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Reads the items related to a set of source items through one foreign key, the way a DynamoDB expert would: by
/// full key with <c>BatchGetItem</c> (100 keys per request), else one <c>Query</c> per distinct key value (on the
/// table or the index whose partition key is the foreign key, concurrently), else, when scans are allowed, one
/// <c>Scan</c> matched on the client. Results are grouped by the key values they were read for.
/// </summary>
internal sealed class DynamoDbRelatedItemReader
{
    /// <summary>How many follow-up queries run at once.</summary>
    private const int MaxConcurrentReads = 8;

    private readonly DynamoDbRelatedKey _key;
    private readonly DynamoDbReadPlan _plan;
    private readonly DynamoDbReadPlan? _scanPlan;
    private readonly bool _byFullKey;

    public DynamoDbRelatedItemReader(DynamoDbRelatedKey key, DynamoDbReadPlan plan, DynamoDbReadPlan? scanPlan, bool byFullKey)
    {
        _key = key;
        _plan = plan;
        _scanPlan = scanPlan;
        _byFullKey = byFullKey;
    }

    /// <summary>
    /// The reader of the items related through <paramref name="foreignKey"/>: the dependents of principal items
    /// (<paramref name="fromPrincipal"/>), or the principals of dependent items. <paramref name="refine"/> adds a
    /// filtered include's operators; a <paramref name="limited"/> read (ordered or limited per key) cannot fall back to
    /// one scan for all keys. <paramref name="projection"/> reads only some attributes (null: whole items).
    /// </summary>
    public static DynamoDbRelatedItemReader Create(
        IForeignKey foreignKey,
        bool fromPrincipal,
        string description,
        DynamoDbReadOptions options,
        ITypeMappingSource typeMappings,
        Action<DynamoDbQueryExpression>? refine = null,
        bool limited = false,
        IReadOnlyList<IProperty>? projection = null)
    {
        var key = fromPrincipal
            ? new DynamoDbRelatedKey(description, foreignKey.PrincipalKey.Properties, foreignKey.DeclaringEntityType, foreignKey.Properties)
            : new DynamoDbRelatedKey(description, foreignKey.Properties, foreignKey.PrincipalEntityType, foreignKey.PrincipalKey.Properties);

        DynamoDbQueryExpression CreateQuery()
        {
            var query = DynamoDbQueryExpression.Create(key.TargetType);
            refine?.Invoke(query);
            query.ApplyProjection(projection);
            return query;
        }

        // Consistent reads where they are possible: global indexes cannot read consistently.
        DynamoDbReadPlan Plan(DynamoDbQueryExpression query)
            => DynamoDbReadPlanner.Plan(query, options with { ConsistentRead = null }, typeMappings) is var plan
                && options.ConsistentRead == true && plan.Index?.GetSecondaryIndexType() != DynamoDbSecondaryIndexType.Global
                    ? plan with { ConsistentRead = true }
                    : plan;

        var keyed = CreateQuery();
        keyed.ApplyPredicate(key.KeyPredicate());
        var plan = Plan(keyed);
        var byFullKey = refine == null && key.TargetProperties.SequenceEqual(key.TargetType.FindPrimaryKey()!.Properties);
        if (byFullKey || plan.Operation != DynamoDbReadOperation.Scan)
        {
            return new DynamoDbRelatedItemReader(key, plan, null, byFullKey);
        }

        // No key or index finds the related items: one scan of the type's items, matched on the client.
        if (limited)
        {
            throw new InvalidOperationException(DynamoDbStrings.LimitedIncludeNeedsIndex(
                description, key.TargetType.DisplayName(), string.Join(", ", key.TargetProperties.Select(p => p.Name)), key.IndexExample)
                + plan.SkippedIndex?.RelatedReadNote(plan.EntityType));
        }

        return new DynamoDbRelatedItemReader(key, plan, Plan(CreateQuery()), false);
    }

    /// <summary>What the reader reads, for messages: the related entity type and the navigation.</summary>
    public DynamoDbRelatedKey Key => _key;

    /// <summary>Refuses, before any request, a read that only a scan could answer when scans are not allowed.</summary>
    public void CheckCanRead(DynamoDbContextSettings settings)
    {
        if (_scanPlan != null && !_scanPlan.AllowScan && settings.ScanBehavior != DynamoDbScanBehavior.Allow)
        {
            throw new InvalidOperationException(DynamoDbStrings.RelatedReadNeedsIndex(
                _key.Description,
                _key.TargetType.DisplayName(),
                string.Join(", ", _key.TargetProperties.Select(p => p.Name)),
                _key.IndexExample,
                _plan.QueryText)
                + _plan.SkippedIndex?.RelatedReadNote(_plan.EntityType));
        }
    }

    /// <summary>The related items of each source item's key values (by <see cref="DynamoDbRelatedKey.SourceIdentity"/>).</summary>
    public async Task<Dictionary<string, List<Dictionary<string, AttributeValue>>>> ReadAsync(
        DynamoDbQueryContext queryContext, IEnumerable<Dictionary<string, AttributeValue>> sourceItems, CancellationToken cancellationToken)
    {
        var sources = new Dictionary<string, Dictionary<string, AttributeValue>>();
        foreach (var item in sourceItems)
        {
            if (_key.SourceIdentity(item) is { } identity)
            {
                sources.TryAdd(identity, item);
            }
        }

        var related = new Dictionary<string, List<Dictionary<string, AttributeValue>>>();
        if (sources.Count == 0)
        {
            return related;
        }

        if (_byFullKey)
        {
            var client = queryContext.ClientWrapper;
            var items = await DynamoDbBatchGetReader.ReadAsync(
                client, sources.Values.Select(_key.TargetKeyOf), keys => DynamoDbReadRequestFactory.CompleteFromTable(_plan, client.Settings, keys), cancellationToken).ConfigureAwait(false);
            return Group(items);
        }

        if (_scanPlan != null)
        {
            var cursor = new DynamoDbReadCursor(queryContext, _scanPlan, null);
            while (await cursor.ReadNextPageAsync(cancellationToken).ConfigureAwait(false) is { } page)
            {
                foreach (var item in page.Items)
                {
                    if (_key.TargetIdentity(item) is { } identity && sources.ContainsKey(identity))
                    {
                        Add(related, identity, item);
                    }
                }
            }

            return related;
        }

        var results = new ConcurrentDictionary<string, List<Dictionary<string, AttributeValue>>>();
        await Parallel.ForEachAsync(
            sources,
            new ParallelOptions
            {
                // A retrying execution strategy keeps per-operation state: its reads run one at a time.
                MaxDegreeOfParallelism = queryContext.ExecutionStrategy.RetriesOnFailure ? 1 : MaxConcurrentReads,
                CancellationToken = cancellationToken,
            },
            async (source, token) => results[source.Key] = await QueryAsync(queryContext, source.Value, token).ConfigureAwait(false))
            .ConfigureAwait(false);
        foreach (var (identity, items) in results)
        {
            related[identity] = items;
        }

        return related;
    }

    /// <summary>The items of the target type among <paramref name="items"/>, grouped by their key values.</summary>
    public Dictionary<string, List<Dictionary<string, AttributeValue>>> Group(IEnumerable<Dictionary<string, AttributeValue>> items)
    {
        var related = new Dictionary<string, List<Dictionary<string, AttributeValue>>>();
        foreach (var item in items)
        {
            if (_key.IsOfTargetType(item) && _key.TargetIdentity(item) is { } identity)
            {
                Add(related, identity, item);
            }
        }

        return related;
    }

    private async Task<List<Dictionary<string, AttributeValue>>> QueryAsync(
        DynamoDbQueryContext queryContext, Dictionary<string, AttributeValue> source, CancellationToken cancellationToken)
    {
        var parameters = _key.BindParameters(queryContext.Parameters, source);
        var wanted = _plan.EvaluatePaging(parameters).ItemsToRead;
        var cursor = new DynamoDbReadCursor(queryContext, _plan, wanted, parameters);
        var items = new List<Dictionary<string, AttributeValue>>();
        while ((wanted == null || items.Count < wanted) && await cursor.ReadNextPageAsync(cancellationToken).ConfigureAwait(false) is { } page)
        {
            items.AddRange(wanted == null ? page.Items : page.Items.Take(wanted.Value - items.Count));
        }

        return items;
    }

    /// <summary><c>ToQueryString()</c> text of the follow-up requests.</summary>
    public string Describe(DynamoDbQueryContext queryContext)
    {
        var settings = queryContext.ClientWrapper.Settings;
        if (_byFullKey)
        {
            return DynamoDbStrings.RelatedReadByKeys(_key.Description, settings.ResolveTableName(_plan.TableName), DynamoDbServiceLimits.BatchGetKeys);
        }

        if (_scanPlan != null)
        {
            return DynamoDbStrings.RelatedReadByScan(_key.Description) + "\n"
                + DynamoDbReadRequestPrinter.Print(_scanPlan, queryContext);
        }

        var example = DynamoDbReadRequestFactory.CreateAll(
            _plan, _key.PlaceholderParameters(queryContext.Parameters), settings, _plan.EvaluatePaging(queryContext.Parameters).ItemsToRead);
        return DynamoDbStrings.RelatedReadByQuery(_key.Description) + "\n"
            + string.Join("\n", example.Select(r => DynamoDbRequestPrinter.Print(r, includeValues: false)));
    }

    private static void Add(Dictionary<string, List<Dictionary<string, AttributeValue>>> related, string identity, Dictionary<string, AttributeValue> item)
    {
        if (!related.TryGetValue(identity, out var items))
        {
            related[identity] = items = [];
        }

        items.Add(item);
    }
}
