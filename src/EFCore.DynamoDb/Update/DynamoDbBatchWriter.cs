using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage;

namespace EFCore.DynamoDb.Update;

/// <summary>
/// Bulk writes, for <c>AutoTransactionBehavior.Never</c> and <c>ImportItemsAsync</c>: puts and deletes without
/// conditions go out as <c>BatchWriteItem</c> requests of 25, several in flight at once; <c>UnprocessedItems</c> are
/// resent with exponential backoff and jitter until written or a bounded number of attempts. Reports exactly which
/// writes were made.
/// </summary>
internal sealed class DynamoDbBatchWriter(DynamoDbClientWrapper clientWrapper)
{
    /// <summary>Writes the commands; returns those written and, when some could not be, the reason.</summary>
    public async Task<(List<TWrite> Written, List<TWrite> NotWritten, Exception? Error)> WriteAsync<TWrite>(
        IReadOnlyList<TWrite> commands, int concurrency, CancellationToken cancellationToken)
        where TWrite : IDynamoDbBatchWrite
    {
        var written = new List<TWrite>();
        var notWritten = new List<TWrite>();
        Exception? error = null;
        var gate = new object();
        await Parallel.ForEachAsync(
            commands.Chunk(DynamoDbServiceLimits.BatchWriteItems),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (batch, token) =>
            {
                var (done, pending, failure) = await WriteBatchAsync(batch, token).ConfigureAwait(false);
                lock (gate)
                {
                    written.AddRange(done);
                    notWritten.AddRange(pending);
                    error ??= failure;
                }
            }).ConfigureAwait(false);

        return (written, notWritten, error);
    }

    private async Task<(IEnumerable<TWrite> Done, IEnumerable<TWrite> Pending, Exception? Error)> WriteBatchAsync<TWrite>(
        TWrite[] batch, CancellationToken cancellationToken)
        where TWrite : IDynamoDbBatchWrite
    {
        // Key names in the order DynamoDbWriteCommand.KeyIdentity uses, to identify unprocessed items alike.
        var keyNames = batch.GroupBy(c => c.Write.TableName).ToDictionary(g => g.Key, g => g.First().Write.Key.Keys.Order(StringComparer.Ordinal).ToList());
        string Identify(string table, Dictionary<string, AttributeValue> attributes)
            => DynamoDbKeyIdentity.Of(table, keyNames[table], attributes);

        var pending = batch.ToDictionary(c => c.KeyIdentity);
        var request = new BatchWriteItemRequest
        {
            RequestItems = batch.GroupBy(c => c.Write.TableName).ToDictionary(g => g.Key, g => g.Select(c => DynamoDbWriteRenderer.BatchElement(c.Write)).ToList()),
            ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        };

        for (var attempt = 0; ; attempt++)
        {
            BatchWriteItemResponse response;
            try
            {
                response = await clientWrapper.BatchWriteItemAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return (batch.Where(c => !pending.ContainsValue(c)), pending.Values, exception);
            }

            var unprocessed = response.UnprocessedItems ?? [];
            var stillPending = unprocessed
                .SelectMany(t => t.Value.Select(w => Identify(t.Key, w.PutRequest?.Item ?? w.DeleteRequest.Key)))
                .ToHashSet();
            foreach (var key in pending.Keys.Where(k => !stillPending.Contains(k)).ToList())
            {
                pending.Remove(key);
            }

            if (pending.Count == 0)
            {
                return (batch, [], null);
            }

            if (attempt + 1 >= DynamoDbRetryCaps.UnprocessedWriteAttempts)
            {
                return (batch.Where(c => !pending.ContainsValue(c)), pending.Values,
                    new InvalidOperationException(Properties.DynamoDbStrings.UnprocessedWrites(pending.Count, attempt + 1)));
            }

            request.RequestItems = unprocessed;
            await Task.Delay(DynamoDbBackoff.Delay(attempt), cancellationToken).ConfigureAwait(false);
        }
    }
}
