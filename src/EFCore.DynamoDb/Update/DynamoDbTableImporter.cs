using EFCore.DynamoDb.Infrastructure;
using EFCore.DynamoDb.Metadata;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Update;

/// <summary>
/// <c>ImportItemsAsync</c>: reads lines of DynamoDB JSON and puts each item into an entity type's table with
/// <c>BatchWriteItem</c> (replacing items with the same key), a chunk at a time, reporting the count written after
/// each chunk. Stops at the first line it cannot read or write it cannot make, saying how many items were written.
/// </summary>
internal sealed class DynamoDbTableImporter(DynamoDbBatchWriter batchWriter, DynamoDbContextSettings settings)
{
    /// <summary>Items read before they are written: a few batches for each write in flight.</summary>
    private const int ChunkBatches = 4;

    public async Task<long> ImportAsync(IEntityType entityType, Stream source, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var itemType = DynamoDbOwnedKeys.ItemOwner(entityType).GetRootType();
        var table = settings.ResolveTableName(itemType.GetTableName()!);
        var keyNames = itemType.FindPrimaryKey()!.Properties.Select(p => p.GetAttributeName()).ToList();
        var chunkSize = DynamoDbServiceLimits.BatchWriteItems * settings.MaxWriteConcurrency * ChunkBatches;
        var chunk = new List<DynamoDbImportedItem>(chunkSize);
        var keysInChunk = new HashSet<string>();
        long written = 0;
        long lineNumber = 0;

        async Task WriteChunkAsync()
        {
            var (done, _, error) = await batchWriter.WriteAsync(chunk, settings.MaxWriteConcurrency, cancellationToken).ConfigureAwait(false);
            written += done.Count;
            progress?.Report(written);
            if (error != null)
            {
                throw new DynamoDbImportException(DynamoDbStrings.ImportWriteFailed(table, written, error.Message), written, error);
            }

            chunk.Clear();
            keysInChunk.Clear();
        }

        using var reader = new StreamReader(source, leaveOpen: true);
        try
        {
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var item = ReadItem(line, lineNumber, table, keyNames, written);
                var write = new DynamoDbImportedItem(table, keyNames.ToDictionary(n => n, n => item[n]), item);

                // One batch cannot hold two writes of one key: a repeated key waits for the next chunk (the last wins).
                if (chunk.Count == chunkSize || !keysInChunk.Add(write.KeyIdentity))
                {
                    await WriteChunkAsync().ConfigureAwait(false);
                    keysInChunk.Add(write.KeyIdentity);
                }

                chunk.Add(write);
            }

            if (chunk.Count > 0)
            {
                await WriteChunkAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(DynamoDbStrings.ImportCanceled(table, written, chunk.Count), exception, cancellationToken);
        }

        return written;
    }

    private static Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue> ReadItem(
        string line, long lineNumber, string table, IReadOnlyList<string> keyNames, long written)
    {
        try
        {
            var item = DynamoDbJson.ReadLine(line, lineNumber);
            foreach (var name in keyNames)
            {
                if (!item.TryGetValue(name, out var value) || value is not ({ S: not null } or { N: not null } or { B: not null }))
                {
                    throw new FormatException(DynamoDbStrings.ImportLineWithoutKey(lineNumber, name));
                }
            }

            return item;
        }
        catch (FormatException exception)
        {
            throw new DynamoDbImportException(DynamoDbStrings.ImportLineRefused(table, written, exception.Message), written, exception);
        }
    }
}
