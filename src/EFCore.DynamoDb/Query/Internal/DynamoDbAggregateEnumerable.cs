using System.Collections;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// The single result of <c>Count</c>, <c>LongCount</c>, <c>Any</c> or <c>All</c>: counts matching items page by page
/// with <c>Select=COUNT</c> (no item is transferred) and stops as soon as the answer is known.
/// </summary>
internal sealed class DynamoDbAggregateEnumerable<T>(
    DynamoDbQueryContext queryContext,
    DynamoDbReadPlan plan,
    Func<long, T> result,
    Type contextType,
    bool threadSafetyChecksEnabled)
    : IEnumerable<T>, IAsyncEnumerable<T>, IQueryingEnumerable
{
    private readonly DynamoDbQueryContext _queryContext = queryContext;

    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        yield return await ComputeAsync(cancellationToken).ConfigureAwait(false);
    }

    public IEnumerator<T> GetEnumerator()
    {
        yield return DynamoDbClientWrapper.Wait(() => ComputeAsync(default));
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public string ToQueryString()
        => DynamoDbReadRequestPrinter.Print(plan, _queryContext);

    private async Task<T> ComputeAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var _ = (threadSafetyChecksEnabled ? _queryContext.ConcurrencyDetector : null)?.EnterCriticalSection();
            var paging = plan.EvaluatePaging(_queryContext.Parameters);
            var enough = plan.Aggregate == DynamoDbAggregate.Count ? paging.ItemsToRead : paging.Offset + 1;
            var cursor = new DynamoDbReadCursor(_queryContext, plan, paging.ItemsToRead);
            long total = 0;
            while (total < (enough ?? long.MaxValue)
                   && await cursor.ReadNextPageAsync(cancellationToken).ConfigureAwait(false) is { } page)
            {
                total += page.Count;
            }

            // Any already known: segments still being read are not needed.
            cursor.Abandon();

            return result(paging.Clip(total));
        }
        catch (Exception exception)
        {
            if (DynamoDbQueryFailure.Report(_queryContext, contextType, exception, cancellationToken) is { } canceled)
            {
                throw canceled;
            }

            throw;
        }
    }
}
