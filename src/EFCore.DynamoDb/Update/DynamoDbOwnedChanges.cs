using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.Update;

/// <summary>
/// The entries of a save grouped by item: each entity stored in its own item (the root), with the changed owned
/// entities embedded in that item and the owned navigations whose content changed.
/// </summary>
internal sealed class DynamoDbOwnedChanges(IUpdateEntry root)
{
    public IUpdateEntry Root { get; } = root;

    /// <summary>The changed owned entries stored in the root's item.</summary>
    public List<IUpdateEntry> OwnedEntries { get; } = [];

    /// <summary>The owned navigations (with the entry that holds them) under which something was added, changed or removed.</summary>
    public HashSet<(IUpdateEntry Owner, INavigation Navigation)> ChangedNavigations { get; } = [];

    /// <summary>Groups the entries of a save by the item they are stored in, in the order the items first appear.</summary>
    public static List<DynamoDbOwnedChanges> Group(IEnumerable<IUpdateEntry> entries)
    {
        var groups = new Dictionary<IUpdateEntry, DynamoDbOwnedChanges>(ReferenceEqualityComparer.Instance);
        var ordered = new List<DynamoDbOwnedChanges>();
        foreach (var entry in entries)
        {
            var root = entry;
            var navigations = new List<(IUpdateEntry, INavigation)>();
            while (root.EntityType.FindOwnership() is { } ownership)
            {
                var owner = ((InternalEntityEntry)root).StateManager.FindPrincipal((InternalEntityEntry)root, ownership)
                    ?? throw new InvalidOperationException(DynamoDbStrings.OwnedEntityWithoutOwner(entry.EntityType.DisplayName()));
                navigations.Add((owner, ownership.PrincipalToDependent!));
                root = owner;
            }

            // A Deleted entry whose key is Added again in the same save is written by the Added entry's replacing Put.
            if (root == entry && entry.EntityState == EntityState.Deleted && entry.SharedIdentityEntry != null)
            {
                continue;
            }

            if (!groups.TryGetValue(root, out var group))
            {
                groups[root] = group = new DynamoDbOwnedChanges(root);
                ordered.Add(group);
            }

            if (root != entry)
            {
                group.OwnedEntries.Add(entry);
                group.ChangedNavigations.UnionWith(navigations);
            }
        }

        return ordered;
    }
}
