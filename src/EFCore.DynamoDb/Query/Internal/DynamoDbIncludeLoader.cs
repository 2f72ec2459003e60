using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Infrastructure;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Loads one included navigation for the entities a query returned, then the navigations included from what it
/// loaded. The related items are read by a <see cref="DynamoDbRelatedItemReader"/> (for a many-to-many skip
/// navigation: the join items, then their targets); tracked entities are connected by EF Core's fix-up, untracked
/// ones here, inverse navigations included.
/// </summary>
internal sealed class DynamoDbIncludeLoader(
    INavigationBase navigation,
    DynamoDbRelatedItemReader reader,
    DynamoDbRelatedItemReader? targetReader,
    Func<QueryContext, Dictionary<string, AttributeValue>, object> materialize,
    Func<QueryContext, Dictionary<string, AttributeValue>, object>? materializeJoin,
    bool tracking,
    IReadOnlyList<DynamoDbIncludeLoader> children,
    bool readWithOwners = false)
{
    private readonly string[] _targetKeyNames = navigation.TargetEntityType.FindPrimaryKey()!.Properties.Select(p => p.GetAttributeName()).ToArray();

    /// <summary>Refuses, before any request, a load that only a scan could answer when scans are not allowed.</summary>
    public void CheckCanRead(DynamoDbContextSettings settings)
    {
        if (!readWithOwners)
        {
            reader.CheckCanRead(settings);
        }

        targetReader?.CheckCanRead(settings);
        foreach (var child in children)
        {
            child.CheckCanRead(settings);
        }
    }

    /// <summary>
    /// Loads the navigation of <paramref name="sources"/> (those of its declaring type). An include read with its
    /// owners (an item collection) finds its items among <paramref name="ownersQueryItems"/> instead of reading them.
    /// Returns the related entities of each owner in turn (what <c>SelectMany(e => e.Navigation)</c> returns).
    /// </summary>
    public async Task<IReadOnlyList<DynamoDbShapedItem>> LoadAsync(
        DynamoDbQueryContext queryContext,
        IReadOnlyList<DynamoDbShapedItem> sources,
        IReadOnlyList<Dictionary<string, AttributeValue>> ownersQueryItems,
        CancellationToken cancellationToken)
    {
        var owners = sources.Where(s => navigation.DeclaringEntityType.ClrType.IsInstanceOfType(s.Entity)).ToList();
        if (owners.Count == 0)
        {
            return [];
        }

        var related = readWithOwners
            ? reader.Group(ownersQueryItems)
            : await reader.ReadAsync(queryContext, owners.Select(o => o.Item), cancellationToken).ConfigureAwait(false);
        var loaded = new Dictionary<string, DynamoDbShapedItem>();
        Dictionary<string, List<Dictionary<string, AttributeValue>>> targetItems;
        if (targetReader == null)
        {
            targetItems = related;
        }
        else
        {
            // Many-to-many: the join items of each owner, then the targets the join items name.
            var joins = related.Values.SelectMany(items => items).ToList();
            var targetsByJoin = await targetReader.ReadAsync(queryContext, joins, cancellationToken).ConfigureAwait(false);
            targetItems = related.ToDictionary(
                pair => pair.Key,
                pair => pair.Value
                    .SelectMany(join => targetReader.Key.SourceIdentity(join) is { } identity && targetsByJoin.TryGetValue(identity, out var targets) ? targets : [])
                    .ToList());
            foreach (var target in targetsByJoin.Values.SelectMany(items => items))
            {
                Materialize(queryContext, target, loaded);
            }

            if (materializeJoin != null)
            {
                // Tracked join entities let EF Core's fix-up fill the skip navigations on both sides.
                foreach (var join in joins)
                {
                    materializeJoin(queryContext, join);
                }
            }
        }

        var results = new List<DynamoDbShapedItem>();
        foreach (var owner in owners)
        {
            var found = reader.Key.SourceIdentity(owner.Item) is { } identity && targetItems.TryGetValue(identity, out var items)
                ? items.Select(item => Materialize(queryContext, item, loaded)).ToList()
                : [];
            Connect(queryContext, owner.Entity!, found.Select(f => f.Entity!));
            results.AddRange(found);
        }

        var entities = loaded.Values.ToList();
        foreach (var child in children)
        {
            await child.LoadAsync(queryContext, entities, [], cancellationToken).ConfigureAwait(false);
        }

        return results;
    }

    /// <summary>The entity of a related item, materialized once however many owners it relates to.</summary>
    private DynamoDbShapedItem Materialize(QueryContext queryContext, Dictionary<string, AttributeValue> item, Dictionary<string, DynamoDbShapedItem> loaded)
    {
        var key = DynamoDbKeyIdentity.Of("", _targetKeyNames, item);
        if (!loaded.TryGetValue(key, out var shaped))
        {
            shaped = new DynamoDbShapedItem(materialize(queryContext, item), item);
            loaded[key] = shaped;
        }

        return shaped;
    }

    private void Connect(QueryContext queryContext, object owner, IEnumerable<object> related)
    {
        var accessor = navigation.IsCollection ? navigation.GetCollectionAccessor()! : null;
        accessor?.GetOrCreate(owner, forMaterialization: true);
        if (tracking)
        {
            // Tracked entities were connected by EF Core's fix-up as they were tracked.
            queryContext.SetNavigationIsLoaded(owner, navigation);
            return;
        }

        // A lazy-loading proxy must not load the navigation again.
        navigation.SetIsLoadedWhenNoTracking(owner);
        foreach (var entity in related)
        {
            Link(navigation, owner, entity);
            if (navigation.Inverse is { } inverse)
            {
                Link(inverse, entity, owner);
            }
        }
    }

    private static void Link(INavigationBase navigation, object owner, object entity)
    {
        if (!navigation.IsCollection)
        {
            ((IRuntimePropertyBase)navigation).GetSetter().SetClrValueUsingContainingEntity(owner, entity);
            return;
        }

        var accessor = navigation.GetCollectionAccessor()!;
        accessor.GetOrCreate(owner, forMaterialization: true);
        if (!accessor.Contains(owner, entity))
        {
            accessor.Add(owner, entity, forMaterialization: true);
        }
    }

    /// <summary><c>ToQueryString()</c> text of the follow-up requests of this include and those under it.</summary>
    public IEnumerable<string> Describe(DynamoDbQueryContext queryContext)
        => new[] { readWithOwners ? DynamoDbStrings.RelatedReadWithOwners(reader.Key.Description) : reader.Describe(queryContext), targetReader?.Describe(queryContext) }
            .OfType<string>()
            .Concat(children.SelectMany(c => c.Describe(queryContext)));
}
