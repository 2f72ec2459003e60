using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Reads items by their full keys with <c>BatchGetItem</c>: at most 100 keys per request, unprocessed keys resent
/// with backoff until every key was answered.
/// </summary>
internal static class DynamoDbBatchGetReader
{
    /// <summary>DynamoDB's limit of keys in one <c>BatchGetItem</c>.</summary>


    /// <summary>
    /// The items found for the keys (in no particular order; a key with no item is missing from the result).
    /// <paramref name="createRequest"/> makes the request for one chunk of keys.
    /// </summary>
    public static async Task<List<Dictionary<string, AttributeValue>>> ReadAsync(
        DynamoDbClientWrapper client,
        IEnumerable<Dictionary<string, AttributeValue>> keys,
        Func<IEnumerable<Dictionary<string, AttributeValue>>, BatchGetItemRequest> createRequest,
        CancellationToken cancellationToken)
    {
        var found = new List<Dictionary<string, AttributeValue>>();
        foreach (var chunk in keys.Chunk(DynamoDbServiceLimits.BatchGetKeys))
        {
            found.AddRange(await ReadAsync(client, createRequest(chunk), cancellationToken).ConfigureAwait(false));
        }

        return found;
    }

    /// <summary>The items one request (at most 100 keys) finds, its unprocessed keys resent until all were answered.</summary>
    public static async Task<List<Dictionary<string, AttributeValue>>> ReadAsync(
        DynamoDbClientWrapper client, BatchGetItemRequest request, CancellationToken cancellationToken)
    {
        var found = new List<Dictionary<string, AttributeValue>>();
        for (var attempt = 0; ; attempt++)
        {
            var response = await client.BatchGetItemAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (var items in response.Responses?.Values ?? Enumerable.Empty<List<Dictionary<string, AttributeValue>>>())
            {
                found.AddRange(items);
            }

            if (response.UnprocessedKeys is not { Count: > 0 } unprocessed)
            {
                return found;
            }

            if (attempt >= DynamoDbRetryCaps.UnprocessedKeyResends)
            {
                throw new InvalidOperationException(DynamoDbStrings.UnprocessedKeys(string.Join(", ", unprocessed.Keys), attempt + 1));
            }

            // The keys still to read, in a new request: the one given may be sent again by a retrying strategy.
            request = new BatchGetItemRequest { RequestItems = unprocessed, ReturnConsumedCapacity = request.ReturnConsumedCapacity };
            await Task.Delay(DynamoDbBackoff.Delay(attempt), cancellationToken).ConfigureAwait(false);
        }
    }
}
