using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage;
using EFCore.DynamoDb.Update;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Holds the pages of a rate-limited read (<c>WithReadRateLimit</c>) to their rate: each page is sent no earlier than
/// the capacity consumed so far allows, and is sized to about a quarter of a second's capacity so the rate holds
/// evenly. Throttled pages are retried with backoff, up to a bound; the read stops at its timeout. Shared by the
/// concurrent segments of a parallel scan, which then hold the rate together.
/// </summary>
internal sealed class DynamoDbReadPacer(DynamoDbReadRateLimit limit, string tableName, bool estimateWithoutCapacity, string endpoint)
{
    private const double SecondsPerPage = 0.25;
    private const double BytesPerUnit = 4096;

    private static readonly HashSet<string> ThrottlingCodes =
        ["ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded"];

    private readonly Lock _lock = new();
    private readonly Dictionary<AmazonDynamoDBRequest, int?> _requestedLimits = new(ReferenceEqualityComparer.Instance);
    private readonly long _started = Stopwatch.GetTimestamp();
    private double _consumed;
    private double? _unitsPerItem;
    private long _items;
    private int _throttles;

    /// <summary>
    /// Sends a page once the rate allows, retrying throttled attempts; <paramref name="send"/> is given whether the
    /// request must ask for its consumed capacity.
    /// </summary>
    public async Task<(DynamoDbReadPage Page, bool Done)> ReadAsync(
        AmazonDynamoDBRequest request,
        bool consistentRead,
        Func<CancellationToken, Task<(DynamoDbReadPage Page, bool Done)>> send,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            await WaitForTurnAsync(cancellationToken).ConfigureAwait(false);
            var reserved = Reserve(request);
            try
            {
                var result = await send(cancellationToken).ConfigureAwait(false);
                Record(result.Page, consistentRead, reserved);
                return result;
            }
            catch (AmazonServiceException exception) when (exception.ErrorCode is { } code && ThrottlingCodes.Contains(code))
            {
                int attempt;
                lock (_lock)
                {
                    _consumed -= reserved;
                    attempt = ++_throttles;
                }

                if (attempt >= DynamoDbRetryCaps.RateLimitedReadThrottles)
                {
                    throw new InvalidOperationException(DynamoDbStrings.RateLimitedReadThrottled(tableName, attempt), exception);
                }

                await Task.Delay(DynamoDbBackoff.Delay(attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WaitForTurnAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_lock)
        {
            var elapsed = Stopwatch.GetElapsedTime(_started);
            if (limit.Timeout is { } timeout && elapsed > timeout)
            {
                throw new TimeoutException(DynamoDbStrings.RateLimitedReadTimedOut(tableName, timeout, _items));
            }

            wait = TimeSpan.FromSeconds(_consumed / limit.UnitsPerSecond) - elapsed;
            if (limit.Timeout is { } bound && elapsed + wait > bound)
            {
                wait = bound - elapsed + TimeSpan.FromMilliseconds(1);
            }
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            await WaitForTurnAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Limits the page to about <see cref="SecondsPerPage"/> of capacity, and never above the limit the read asked;
    /// returns the capacity it is expected to consume, counted at once so that concurrent pages share the rate.
    /// </summary>
    private double Reserve(AmazonDynamoDBRequest request)
    {
        lock (_lock)
        {
            if (!_requestedLimits.TryGetValue(request, out var requested))
            {
                requested = request switch { ScanRequest s => s.Limit, QueryRequest q => q.Limit, _ => null };
                _requestedLimits[request] = requested;
            }

            // Before the first page, items are taken to be about 1 KB read eventually consistently.
            var unitsPerItem = _unitsPerItem ?? 0.125;
            var items = (int)Math.Clamp(limit.UnitsPerSecond * SecondsPerPage / unitsPerItem, 1, 1000);
            var pageLimit = Math.Min(items, requested ?? int.MaxValue);
            switch (request)
            {
                case ScanRequest scan:
                    scan.Limit = pageLimit;
                    break;
                case QueryRequest query:
                    query.Limit = pageLimit;
                    break;
            }

            var expected = pageLimit * unitsPerItem;
            _consumed += expected;
            return expected;
        }
    }

    private void Record(DynamoDbReadPage page, bool consistentRead, double reserved)
    {
        var units = page.ConsumedCapacity ?? (estimateWithoutCapacity
            ? Estimate(page, consistentRead)
            : throw new InvalidOperationException(DynamoDbStrings.RateLimitNeedsConsumedCapacity(tableName, endpoint)));
        lock (_lock)
        {
            _throttles = 0;
            _consumed += units - reserved;
            _items += page.Count;
            if (page.Evaluated > 0)
            {
                _unitsPerItem = units / page.Evaluated;
            }
        }
    }

    /// <summary>
    /// The capacity a page would have consumed, from the sizes of the items it returned (DynamoDB's own rule: 4 KB per
    /// unit, half a unit when eventually consistent, rounded up per page).
    /// </summary>
    private static double Estimate(DynamoDbReadPage page, bool consistentRead)
    {
        var returned = page.Items.Sum(DynamoDbItemSize.Of);
        var evaluatedBytes = page.Items.Count == 0 ? 0 : returned * Math.Max(page.Evaluated, page.Items.Count) / page.Items.Count;
        return Math.Max(1, Math.Ceiling(evaluatedBytes / BytesPerUnit)) * (consistentRead ? 1 : 0.5);
    }
}
