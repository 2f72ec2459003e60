using EFCore.DynamoDb.Infrastructure;
using EFCore.DynamoDb.Storage;

namespace EFCore.DynamoDb.Update;

/// <summary>A deleted entry → a delete of its item, conditioned on the item existing and its concurrency tokens.</summary>
internal sealed class DynamoDbDeletedEntryWriter(DynamoDbContextSettings settings) : DynamoDbEntryWriter(settings)
{
    public override DynamoDbWriteCommand Create(DynamoDbOwnedChanges changes)
    {
        var entry = changes.Root;
        var writer = new DynamoDbExpressionWriter();
        var key = KeyAttributes(entry, entry.EntityType.FindPrimaryKey()!);
        var (condition, checksTokens) = ExistsUnchanged(entry, writer);
        var write = new DynamoDbItemWrite
        {
            Kind = DynamoDbItemWriteKind.Delete,
            TableName = TableName(entry.EntityType),
            Key = key,
            ConditionExpression = condition,
            Names = writer.Names,
            Values = writer.Values.Count > 0 ? writer.Values : null,
            Size = DynamoDbItemSize.Of(key),
        };

        // Without tokens to check, a delete may go into a batch (whose deletes have no condition) in bulk mode.
        return new DynamoDbWriteCommand(entry, write, [], canBatch: !checksTokens) { OwnedEntries = changes.OwnedEntries };
    }
}
