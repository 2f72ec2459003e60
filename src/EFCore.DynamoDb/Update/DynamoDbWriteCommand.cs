using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.Update;

/// <summary>
/// One write of a save: the conditional item write of one entry (with the changes of the owned entities embedded in
/// its item), and the values the provider generates (row versions, owned collection positions), which are given to
/// the entries only once the write succeeded.
/// </summary>
internal sealed class DynamoDbWriteCommand(
    IUpdateEntry entry,
    DynamoDbItemWrite write,
    IReadOnlyList<(IUpdateEntry Entry, IProperty Property, object Value)> generatedValues,
    bool canBatch)
    : IDynamoDbBatchWrite
{
    /// <summary>The entry of the item's entity (the owner, when owned entities changed).</summary>
    public IUpdateEntry Entry { get; } = entry;

    /// <summary>The changed owned entries the write also saves.</summary>
    public IReadOnlyList<IUpdateEntry> OwnedEntries { get; init; } = [];

    public DynamoDbItemWrite Write { get; } = write;

    private string? _keyIdentity;

    /// <summary>The identity of the item written (its table and key), to match it across requests.</summary>
    public string KeyIdentity => _keyIdentity ??= DynamoDbKeyIdentity.Of(Write.TableName, Write.Key);

    /// <summary>
    /// Whether the write may go into a <c>BatchWriteItem</c> (which has no conditions): an insert or delete with no
    /// concurrency check and no generated value. In a batch, an insert overwrites an existing item with its key.
    /// </summary>
    public bool CanBatch { get; } = canBatch;

    /// <summary>Hands the generated values to the change tracker after the write succeeded.</summary>
    public void Complete()
    {
        var writtenForOwnedEntriesOnly = Entry.EntityState == EntityState.Unchanged;
        foreach (var (generatedFor, property, value) in generatedValues)
        {
            generatedFor.SetStoreGeneratedValue(property, value);
        }

        // The item now holds exactly the owned entities tracked for it: a later query must not load them again.
        if (DynamoDbWriteShape.Of(Entry.EntityType).OwnedNavigations.Length > 0)
        {
            foreach (var entry in OwnedEntries.Prepend(Entry).Cast<InternalEntityEntry>().Where(e => e.EntityState != EntityState.Deleted))
            {
                foreach (var navigation in DynamoDbWriteShape.Of(entry.EntityType).OwnedNavigations)
                {
                    entry.SetIsLoaded(navigation);
                }
            }
        }

        if (writtenForOwnedEntriesOnly)
        {
            // Written for its owned entities only: EF Core accepts the saved entries, and this one was not among them.
            ((InternalEntityEntry)Entry).AcceptChanges();
        }
    }
}
