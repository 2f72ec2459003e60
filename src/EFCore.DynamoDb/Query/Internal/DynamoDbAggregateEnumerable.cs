using System.Collections;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore.Diagnostics;
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
    Type contextType)
    : IEnumerable<T>, IAsyncEnumerable<T>, IQueryingEnumerable
{
    private readonly DynamoDbQueryContext _queryContext = queryContext;

    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        yield return await ComputeAsync(cancellationToken).ConfigureAwait(false);
    }

    public IEnumerator<T> GetEnumerator()
    {
        yield return DynamoDbClientWrapper.Wait(ComputeAsync(default));
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public string ToQueryString()
    {
        var request = DynamoDbReadRequestFactory.Create(
            plan, _queryContext.Parameters, _queryContext.ClientWrapper.Settings, plan.EvaluateLimit(_queryContext.Parameters));
        return request == null ? "-- No request: a key value is null, so no item can match." : DynamoDbRequestPrinter.Print(request, includeValues: true);
    }

    private async Task<T> ComputeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var limit = plan.EvaluateLimit(_queryContext.Parameters);
            var enough = plan.Aggregate == DynamoDbAggregate.Count ? limit : 1;
            var cursor = new DynamoDbReadCursor(_queryContext, plan, limit);
            long total = 0;
            while (total < (enough ?? long.MaxValue)
                   && await cursor.ReadNextPageAsync(cancellationToken).ConfigureAwait(false) is { } page)
            {
                total += page.Count;
            }

            return result(limit == null ? total : Math.Min(total, limit.Value));
        }
        catch (Exception exception)
        {
            _queryContext.QueryLogger.QueryIterationFailed(contextType, exception);
            throw;
        }
    }
}
