using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.Update;

/// <summary>
/// One write of a save: the conditional request for one entry (with the changes of the owned entities embedded in
/// its item), and the values the provider generates (row versions, owned collection positions), which are given to
/// the entries only once the write succeeded.
/// </summary>
internal sealed class DynamoDbWriteCommand(
    IUpdateEntry entry,
    AmazonDynamoDBRequest request,
    IReadOnlyList<(IUpdateEntry Entry, IProperty Property, object Value)> generatedValues,
    Dictionary<string, AttributeValue> key,
    bool canBatch)
    : IDynamoDbBatchWrite
{
    /// <summary>The entry of the item's entity (the owner, when owned entities changed).</summary>
    public IUpdateEntry Entry { get; } = entry;

    /// <summary>The changed owned entries the write also saves.</summary>
    public IReadOnlyList<IUpdateEntry> OwnedEntries { get; init; } = [];

    public AmazonDynamoDBRequest Request { get; } = request;

    private string? _keyIdentity;

    /// <summary>The key attributes of the item written.</summary>
    public Dictionary<string, AttributeValue> Key { get; } = key;

    /// <summary>The identity of the item written (its table and key), to match it across requests.</summary>
    public string KeyIdentity => _keyIdentity ??= DynamoDbKeyIdentity.Of(TableName, Key);

    /// <summary>
    /// Whether the write may go into a <c>BatchWriteItem</c> (which has no conditions): an insert or delete with no
    /// concurrency check and no generated value. In a batch, an insert overwrites an existing item with its key.
    /// </summary>
    public bool CanBatch { get; } = canBatch;

    public WriteRequest ToWriteRequest()
        => Request is PutItemRequest put ? new WriteRequest(new PutRequest(put.Item)) : new WriteRequest(new DeleteRequest(Key));

    /// <summary>The size DynamoDB counts for the write in a transaction: the item written, or its key.</summary>
    public long Size => DynamoDbItemSize.Of(Request is PutItemRequest put ? put.Item : Key);

    /// <summary>The table the write goes to.</summary>
    public string TableName => Request switch
    {
        PutItemRequest put => put.TableName,
        UpdateItemRequest update => update.TableName,
        _ => ((DeleteItemRequest)Request).TableName,
    };

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
