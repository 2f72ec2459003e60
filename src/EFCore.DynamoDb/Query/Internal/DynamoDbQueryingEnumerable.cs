using System.Collections;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore;
using EFCore.DynamoDb.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// The results of one compiled DynamoDB query: each enumeration sends the plan's requests page by page and shapes
/// each item with the compiled materializer as it arrives, for synchronous and asynchronous enumeration alike.
/// </summary>
internal sealed class DynamoDbQueryingEnumerable<T>(
    DynamoDbQueryContext queryContext,
    DynamoDbReadPlan plan,
    Func<QueryContext, Dictionary<string, AttributeValue>, T> shaper,
    Type contextType,
    bool standAloneStateManager,
    bool threadSafetyChecksEnabled)
    : IEnumerable<T>, IAsyncEnumerable<T>, IQueryingEnumerable
{
    private readonly DynamoDbQueryContext _queryContext = queryContext;
    private readonly DynamoDbReadPlan _plan = plan;
    private readonly Func<QueryContext, Dictionary<string, AttributeValue>, T> _shaper = shaper;
    private readonly Type _contextType = contextType;
    private readonly bool _standAloneStateManager = standAloneStateManager;
    private readonly bool _threadSafetyChecksEnabled = threadSafetyChecksEnabled;

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        => new Enumerator(this, cancellationToken);

    public IEnumerator<T> GetEnumerator() => new Enumerator(this, default);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public string ToQueryString()
        => DynamoDbReadRequestPrinter.Print(_plan, _queryContext);

    private sealed class Enumerator(DynamoDbQueryingEnumerable<T> enumerable, CancellationToken cancellationToken)
        : IEnumerator<T>, IAsyncEnumerator<T>
    {
        private readonly DynamoDbQueryContext _queryContext = enumerable._queryContext;
        private readonly IConcurrencyDetector? _concurrencyDetector
            = enumerable._threadSafetyChecksEnabled ? enumerable._queryContext.ConcurrencyDetector : null;
        private DynamoDbReadCursor? _cursor;
        private List<Dictionary<string, AttributeValue>>? _items;
        private int _index;
        private int _matched;
        private DynamoDbPaging _paging;
        private Dictionary<string, AttributeValue>? _lastItem;
        private (int Requests, double Capacity) _totalsBefore;
        private int _returned;

        public T Current { get; private set; } = default!;

        object IEnumerator.Current => Current!;

        public bool MoveNext() => DynamoDbClientWrapper.Wait(_moveNextAsync ??= MoveNextAsync);

        private Func<ValueTask<bool>>? _moveNextAsync;

        public async ValueTask<bool> MoveNextAsync()
        {
            try
            {
                using var _ = _concurrencyDetector?.EnterCriticalSection();

                if (_cursor == null)
                {
                    _totalsBefore = _queryContext.ClientWrapper.Totals;
                    _queryContext.InitializeStateManager(enumerable._standAloneStateManager);
                    _paging = enumerable._plan.EvaluatePaging(_queryContext.Parameters);
                    _cursor = new DynamoDbReadCursor(_queryContext, enumerable._plan, _paging.ItemsToRead);
                }

                while (true)
                {
                    if (_matched == _paging.ItemsToRead)
                    {
                        EndPage(moreMayFollow: (_items != null && _index < _items.Count) || !_cursor.IsFinished);
                        LogTotals();
                        return false;
                    }

                    if (_items != null && _index < _items.Count)
                    {
                        // Skipped items are read (DynamoDB has no offset) but never materialized.
                        var item = _items[_index++];
                        if (_matched++ >= _paging.Offset)
                        {
                            _lastItem = item;
                            _returned++;
                            Current = enumerable._shaper(_queryContext, item);
                            return true;
                        }

                        continue;
                    }

                    _items = (await _cursor.ReadNextPageAsync(cancellationToken).ConfigureAwait(false))?.Items;
                    _index = 0;
                    if (_items == null)
                    {
                        LogTotals();
                        return false;
                    }
                }
            }
            catch (Exception exception)
            {
                if (DynamoDbQueryFailure.Report(_queryContext, enumerable._contextType, exception, cancellationToken) is { } canceled)
                {
                    throw canceled;
                }

                throw;
            }
        }

        /// <summary>For <c>ToPageAsync</c>: where the next page starts, when one may follow.</summary>
        private void EndPage(bool moreMayFollow)
        {
            if (moreMayFollow && _lastItem != null && enumerable._plan.FindPageRequest(_queryContext.Parameters) is { } page)
            {
                page.LastKey = enumerable._plan.KeyProperties
                    .Select(p => p.GetAttributeName())
                    .ToDictionary(name => name, name => _lastItem[name]);
                var settings = _queryContext.ClientWrapper.Settings;
                page.NextToken = new DynamoDbContinuationToken(page.QueryFingerprint!, page.LastKey)
                    .Encode(settings.ContinuationTokenKey, settings.ContinuationTokenProtector);
            }
        }

        private void LogTotals()
        {
            var after = _queryContext.ClientWrapper.Totals;
            _queryContext.QueryLogger.QueryCompleted(_returned, after.Requests - _totalsBefore.Requests, after.Capacity - _totalsBefore.Capacity);
        }

        public void Reset() => throw new NotSupportedException();

        public void Dispose() => _cursor?.Abandon();

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
