using System.Collections;
using Amazon.DynamoDBv2.Model;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// The results of a query with includes: the main read's entities, then each included navigation loaded for all of
/// them at once (so that related items are read with as few requests as their keys allow), then the entities.
/// </summary>
internal sealed class DynamoDbIncludingEnumerable<T>(
    DynamoDbQueryContext queryContext,
    DynamoDbQueryingEnumerable<DynamoDbShapedItem> query,
    IReadOnlyList<DynamoDbIncludeLoader> loaders,
    DynamoDbIncludeLoader? selected,
    DynamoDbItemCollectionOwners? itemCollectionOwners,
    Type contextType,
    bool threadSafetyChecksEnabled)
    : IEnumerable<T>, IAsyncEnumerable<T>, IQueryingEnumerable
{
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        foreach (var result in await LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return result;
        }
    }

    public IEnumerator<T> GetEnumerator() => Storage.DynamoDbClientWrapper.Wait(() => LoadAsync(default)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private async Task<List<T>> LoadAsync(CancellationToken cancellationToken)
    {
        foreach (var loader in loaders)
        {
            loader.CheckCanRead(queryContext.ClientWrapper.Settings);
        }

        var roots = new List<DynamoDbShapedItem>();
        var collected = new List<Dictionary<string, AttributeValue>>();
        var ownersWanted = itemCollectionOwners?.Limits?.EvaluatePaging(queryContext.Parameters).ItemsToRead ?? int.MaxValue;
        await foreach (var result in query.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (result.Entity != null)
            {
                roots.Add(result);
            }
            else if (!itemCollectionOwners!.Test.Matches(result.Item))
            {
                collected.Add(result.Item);
            }
            else if (roots.Count < ownersWanted)
            {
                roots.Add(new DynamoDbShapedItem(itemCollectionOwners.Materialize(queryContext, result.Item), result.Item));
            }
        }

        // The main read entered the context's critical section page by page; the follow-up reads enter it as a whole.
        var results = roots;
        try
        {
            using var _ = (threadSafetyChecksEnabled ? queryContext.ConcurrencyDetector : null)?.EnterCriticalSection();
            foreach (var loader in loaders)
            {
                var loaded = await loader.LoadAsync(queryContext, roots, collected, cancellationToken).ConfigureAwait(false);
                if (loader == selected)
                {
                    results = [.. loaded];
                }
            }
        }
        catch (Exception exception)
        {
            if (DynamoDbQueryFailure.Report(queryContext, contextType, exception, cancellationToken) is { } canceled)
            {
                throw canceled;
            }

            throw;
        }

        return results.Select(r => (T)r.Entity!).ToList();
    }

    public string ToQueryString()
        => string.Join("\n\n", loaders.SelectMany(l => l.Describe(queryContext)).Prepend(query.ToQueryString()));
}
