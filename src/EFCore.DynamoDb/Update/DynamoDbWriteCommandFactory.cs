using EFCore.DynamoDb.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.Update;

/// <summary>
/// Turns the change tracker's entries into item writes, one per item (owned entities are written inside their
/// owner's item), each made by the writer of its entry's state. Bad input is refused there, before anything is sent.
/// </summary>
internal sealed class DynamoDbWriteCommandFactory(DynamoDbContextSettings settings)
{
    private readonly DynamoDbAddedEntryWriter _added = new(settings);
    private readonly DynamoDbModifiedEntryWriter _modified = new(settings);
    private readonly DynamoDbDeletedEntryWriter _deleted = new(settings);

    /// <summary>The writes of a save, in the order of their items' first entries.</summary>
    public List<DynamoDbWriteCommand> CreateAll(IList<IUpdateEntry> entries)
        => DynamoDbOwnedChanges.Group(entries).Select(Create).ToList();

    /// <summary>Describes an entry's key for messages: values only with sensitive data logging.</summary>
    public string DescribeKey(IUpdateEntry entry) => _added.DescribeKey(entry);

    private DynamoDbWriteCommand Create(DynamoDbOwnedChanges changes)
        => changes.Root.EntityState switch
        {
            EntityState.Added => _added.Create(changes),
            EntityState.Deleted => _deleted.Create(changes),

            // Modified, or Unchanged with changed owned entities in its item.
            _ => _modified.Create(changes),
        };
}
