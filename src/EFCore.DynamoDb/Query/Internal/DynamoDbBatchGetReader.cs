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
    public const int MaxKeysPerRequest = 100;

    private const int MaxUnprocessedRetries = 8;

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
        foreach (var chunk in keys.Chunk(MaxKeysPerRequest))
        {
            var request = createRequest(chunk);
            for (var attempt = 0; ; attempt++)
            {
                var response = await client.BatchGetItemAsync(request, cancellationToken).ConfigureAwait(false);
                foreach (var items in response.Responses?.Values ?? Enumerable.Empty<List<Dictionary<string, AttributeValue>>>())
                {
                    found.AddRange(items);
                }

                if (response.UnprocessedKeys is not { Count: > 0 } unprocessed)
                {
                    break;
                }

                if (attempt >= MaxUnprocessedRetries)
                {
                    throw new InvalidOperationException(DynamoDbStrings.UnprocessedKeys(string.Join(", ", unprocessed.Keys), attempt + 1));
                }

                request.RequestItems = unprocessed;
                await Task.Delay(DynamoDbBackoff.Delay(attempt), cancellationToken).ConfigureAwait(false);
            }
        }

        return found;
    }
}
