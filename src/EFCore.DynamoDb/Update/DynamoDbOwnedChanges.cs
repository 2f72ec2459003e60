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
    private List<IUpdateEntry>? _ownedEntries;
    private HashSet<(IUpdateEntry Owner, INavigation Navigation)>? _changedNavigations;

    public IUpdateEntry Root { get; } = root;

    /// <summary>The changed owned entries stored in the root's item.</summary>
    public IReadOnlyList<IUpdateEntry> OwnedEntries => _ownedEntries ?? [];

    /// <summary>Whether something was added, changed or removed under an owned navigation of an entry of this item.</summary>
    public bool HasChanged(IUpdateEntry owner, INavigation navigation) => _changedNavigations?.Contains((owner, navigation)) == true;

    /// <summary>Groups the entries of a save by the item they are stored in, in the order the items first appear.</summary>
    public static List<DynamoDbOwnedChanges> Group(IList<IUpdateEntry> entries)
    {
        if (!entries.Any(e => e.EntityType.FindOwnership() != null))
        {
            // No owned entity changed: one item per entry.
            return entries.Where(e => !IsReplacedInSameSave(e)).Select(e => new DynamoDbOwnedChanges(e)).ToList();
        }

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

            if (root == entry && IsReplacedInSameSave(entry))
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
                (group._ownedEntries ??= []).Add(entry);
                (group._changedNavigations ??= []).UnionWith(navigations);
            }
        }

        return ordered;
    }

    /// <summary>A Deleted entry whose key is Added again in the same save: the Added entry's replacing Put writes it.</summary>
    private static bool IsReplacedInSameSave(IUpdateEntry entry)
        => entry.EntityState == EntityState.Deleted && entry.SharedIdentityEntry != null;
}
