using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Diagnostics;
using EFCore.DynamoDb.Infrastructure;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Reads the pages of one query execution, following <c>LastEvaluatedKey</c>, so results stream as they arrive. The
/// requests of a read (one; one per value of an <c>IN</c> on the partition key; one per segment of a parallel scan) are
/// read one after the other, except that the segments of a parallel scan are read concurrently and their pages
/// returned as they come, and <c>BatchGetItem</c> requests are read a few at a time, their pages returned in order.
/// Applies the context's scan behavior before the first request of a scan, and a read's rate limit to every page.
/// The parameter values are the query's, or those given (a follow-up read of related items binds its keys as
/// parameters).
/// </summary>
internal sealed class DynamoDbReadCursor(
    DynamoDbQueryContext queryContext, DynamoDbReadPlan plan, int? itemsToRead, IReadOnlyDictionary<string, object?>? parameters = null)
{
    /// <summary>How many <c>BatchGetItem</c> requests of one read are sent at a time.</summary>
    private const int BatchGetConcurrency = 4;

    private readonly IReadOnlyDictionary<string, object?> _parameters = parameters ?? queryContext.Parameters;

    private static readonly List<Dictionary<string, AttributeValue>> NoItems = [];
    private static readonly DynamoDbReadPage Empty = new(NoItems, 0);

    private readonly List<RequestReader> _reading = [];
    private Queue<AmazonDynamoDBRequest>? _pending;
    private int _concurrency = 1;
    private bool _inOrder = true;
    private DynamoDbReadPacer? _pacer;
    private CancellationTokenSource? _readAhead;
    private bool _finished;

    /// <summary>Whether every page has been read.</summary>
    public bool IsFinished => _finished;

    /// <summary>The next page, or null when there are no more pages.</summary>
    public async Task<DynamoDbReadPage?> ReadNextPageAsync(CancellationToken cancellationToken)
    {
        if (_finished || (_pending == null && !Begin(cancellationToken)))
        {
            return null;
        }

        try
        {
            StartReaders();
            var reader = _inOrder ? _reading[0] : await FirstToFinishAsync().ConfigureAwait(false);
            var (result, requestDone) = await (reader.NextPage ?? Read(reader, cancellationToken)).ConfigureAwait(false);
            reader.NextPage = null;
            if (requestDone)
            {
                _reading.Remove(reader);
            }
            else if (_concurrency > 1)
            {
                _ = Read(reader, _readAhead!.Token);
            }

            StartReaders();
            if (_reading.Count == 0)
            {
                _finished = true;
                _readAhead?.Dispose();
                _readAhead = null;
            }

            if (plan.SortKeyCondition is DynamoDbBetweenFilter { ExcludesBound: true } range && result.Items.Count > 0)
            {
                result = WithoutExcludedBounds(result, range);
            }

            if (plan.ReadsFromTable && result.Items.Count > 0)
            {
                var client = queryContext.ClientWrapper;
                result = result with { Items = await CompleteFromTableAsync(client, result.Items, cancellationToken).ConfigureAwait(false) };
            }

            return result;
        }
        catch
        {
            Abandon();
            throw;
        }
    }

    /// <summary>The page without the items at a bound the query excludes (<c>&gt;</c> or <c>&lt;</c> on the sort key).</summary>
    private DynamoDbReadPage WithoutExcludedBounds(DynamoDbReadPage page, DynamoDbBetweenFilter range)
    {
        // Compared as key identities, whose numbers are normalized (DynamoDB answers 1.5 for a 1.50 it was sent).
        string[] name = [range.Property.GetAttributeName()];
        var excluded = range.ExcludedValues(_parameters)
            .Select(value => DynamoDbKeyIdentity.Of("", name, new Dictionary<string, AttributeValue> { [name[0]] = value }))
            .ToHashSet();
        var kept = page.Items.Where(item => !item.ContainsKey(name[0]) || !excluded.Contains(DynamoDbKeyIdentity.Of("", name, item))).ToList();
        return kept.Count == page.Items.Count ? page : page with { Items = kept, Count = page.Count - (page.Items.Count - kept.Count) };
    }

    /// <summary>
    /// Stops reading: pages read ahead by concurrent requests are cancelled and dropped. Called when results are left
    /// unread (<c>Take</c>, <c>First</c>, a disposed enumerator) or a request failed.
    /// </summary>
    public void Abandon()
    {
        _finished = true;
        if (_readAhead == null)
        {
            return;
        }

        var readAhead = _readAhead;
        _readAhead = null;
        readAhead.Cancel();
        var inFlight = _reading.Select(r => r.NextPage).OfType<Task>().ToArray();
        _reading.Clear();
        Task.WhenAll(inFlight).ContinueWith(
            finished =>
            {
                _ = finished.Exception;
                readAhead.Dispose();
            },
            TaskScheduler.Default);
    }

    /// <summary>Makes the requests of this execution, and refuses a scan the context does not allow; false when there are none.</summary>
    private bool Begin(CancellationToken cancellationToken)
    {
        var client = queryContext.ClientWrapper;
        DynamoDbReadRequestFactory.RefuseNullIndexKeys(plan, _parameters);
        _pending = new Queue<AmazonDynamoDBRequest>(DynamoDbReadRequestFactory.CreateAll(plan, _parameters, client.Settings, itemsToRead));
        if (_pending.Count == 0 || itemsToRead == 0)
        {
            _finished = true;
            return false;
        }

        if (plan.Operation == DynamoDbReadOperation.Scan)
        {
            GuardScan(client);
        }

        if (plan.EvaluateReadRateLimit(_parameters) is { } rateLimit)
        {
            _pacer = new DynamoDbReadPacer(
                rateLimit, client.Settings.ResolveTableName(plan.TableName), client.Settings.RateLimitWithoutConsumedCapacity, client.Settings.EndpointDescription);
        }

        var segments = plan.EvaluateScanSegments(_parameters);
        var page = plan.FindPageRequest(_parameters);
        if (segments is { Segment: null, TotalSegments: > 1 })
        {
            if (page != null)
            {
                throw new InvalidOperationException(DynamoDbStrings.ParallelScanPaged(plan.QueryText));
            }

            (_concurrency, _inOrder) = (segments.MaxConcurrency, false);
        }
        else if (_pending.Count > 1 && _pending.Peek() is BatchGetItemRequest)
        {
            _concurrency = BatchGetConcurrency;
        }

        if (page != null)
        {
            ContinueFrom(page, _pending.Peek(), client.Settings);
        }

        if (_concurrency > 1)
        {
            _readAhead = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }

        return true;
    }

    /// <summary>Takes pending requests up to the read's concurrency; with more than one at a time, their first pages are sent at once.</summary>
    private void StartReaders()
    {
        while (_reading.Count < _concurrency && _pending!.Count > 0)
        {
            // Each concurrent request retries with its own execution strategy, which keeps state per execution.
            var reader = new RequestReader(
                _pending.Dequeue(),
                _concurrency > 1 ? queryContext.ExecutionStrategyFactory.Create() : queryContext.ExecutionStrategy);
            _reading.Add(reader);
            if (_concurrency > 1)
            {
                _ = Read(reader, _readAhead!.Token);
            }
        }
    }

    private async Task<RequestReader> FirstToFinishAsync()
    {
        var finished = await Task.WhenAny(_reading.Select(r => r.NextPage!)).ConfigureAwait(false);
        return _reading.First(r => r.NextPage == finished);
    }

    /// <summary>
    /// Starts reading the next page of a request. A page read is idempotent (the same request, the same start key),
    /// so the execution strategy may retry it.
    /// </summary>
    private Task<(DynamoDbReadPage Page, bool Done)> Read(RequestReader reader, CancellationToken cancellationToken)
        => reader.NextPage = reader.Strategy.ExecuteAsync(
            (client: queryContext.ClientWrapper, reader.Request, pacer: _pacer),
            (_, state, token) => state.pacer != null && state.Request is ScanRequest or QueryRequest
                ? state.pacer.ReadAsync(state.Request, IsConsistent(state.Request), t => ReadPageAsync(state.client, state.Request, true, t), token)
                : ReadPageAsync(state.client, state.Request, false, token),
            null,
            cancellationToken);

    private static bool IsConsistent(AmazonDynamoDBRequest request)
        => request switch { ScanRequest s => s.ConsistentRead == true, QueryRequest q => q.ConsistentRead == true, _ => false };

    /// <summary>A request being read, page by page, and the read of its next page when one was started.</summary>
    private sealed class RequestReader(AmazonDynamoDBRequest request, IExecutionStrategy strategy)
    {
        public AmazonDynamoDBRequest Request { get; } = request;

        public IExecutionStrategy Strategy { get; } = strategy;

        public Task<(DynamoDbReadPage Page, bool Done)>? NextPage { get; set; }
    }

    /// <summary>
    /// Reads the items of index results from the table (<see cref="DynamoDbBatchGetReader"/>), and returns them in the
    /// index's order.
    /// </summary>
    private async Task<List<Dictionary<string, AttributeValue>>> CompleteFromTableAsync(
        DynamoDbClientWrapper client, List<Dictionary<string, AttributeValue>> indexItems, CancellationToken cancellationToken)
    {
        var keyNames = plan.EntityType.FindPrimaryKey()!.Properties.Select(p => p.GetAttributeName()).ToList();
        string KeyOf(Dictionary<string, AttributeValue> item) => DynamoDbKeyIdentity.Of(plan.TableName, keyNames, item);

        var items = await DynamoDbBatchGetReader.ReadAsync(
            client,
            indexItems.Select(item => keyNames.ToDictionary(n => n, n => item[n])),
            keys => DynamoDbReadRequestFactory.CompleteFromTable(plan, client.Settings, keys),
            cancellationToken).ConfigureAwait(false);
        var found = items.ToDictionary(KeyOf);

        // An item deleted between the index read and the table read is gone: skip it.
        return indexItems.Select(item => found.GetValueOrDefault(KeyOf(item))).OfType<Dictionary<string, AttributeValue>>().ToList();
    }

    /// <summary>Sends one request (or its next page); says whether that request has more pages.</summary>
    private static async Task<(DynamoDbReadPage Page, bool Done)> ReadPageAsync(
        DynamoDbClientWrapper client, AmazonDynamoDBRequest request, bool keepConsumedCapacity, CancellationToken cancellationToken)
    {
        switch (request)
        {
            case GetItemRequest getItem:
            {
                var response = await client.GetItemAsync(getItem, cancellationToken).ConfigureAwait(false);
                return (response.Item is { Count: > 0 } item ? new DynamoDbReadPage([item], 1) : Empty, true);
            }

            case QueryRequest query:
            {
                var response = await client.QueryAsync(query, cancellationToken, keepConsumedCapacity).ConfigureAwait(false);
                query.ExclusiveStartKey = response.LastEvaluatedKey;
                return (
                    new DynamoDbReadPage(response.Items ?? NoItems, response.Count ?? 0, response.ScannedCount ?? 0, response.ConsumedCapacity?.CapacityUnits),
                    response.LastEvaluatedKey is not { Count: > 0 });
            }

            case BatchGetItemRequest batch:
            {
                // The items found, in the order of the keys asked (absent keys have no item).
                var (table, read) = batch.RequestItems.Single();
                var keyNames = read.Keys[0].Keys.ToList();
                var found = (await DynamoDbBatchGetReader.ReadAsync(client, batch, cancellationToken).ConfigureAwait(false))
                    .ToDictionary(item => DynamoDbKeyIdentity.Of(table, keyNames, item));
                var items = read.Keys
                    .Select(key => found.GetValueOrDefault(DynamoDbKeyIdentity.Of(table, keyNames, key)))
                    .OfType<Dictionary<string, AttributeValue>>()
                    .ToList();
                return (new DynamoDbReadPage(items, items.Count), true);
            }

            case ExecuteStatementRequest statement:
            {
                var response = await client.ExecuteStatementAsync(statement, cancellationToken).ConfigureAwait(false);
                statement.NextToken = response.NextToken;
                var items = response.Items ?? NoItems;
                return (new DynamoDbReadPage(items, items.Count), string.IsNullOrEmpty(response.NextToken));
            }

            default:
            {
                var scan = (ScanRequest)request;
                var response = await client.ScanAsync(scan, cancellationToken, keepConsumedCapacity).ConfigureAwait(false);
                scan.ExclusiveStartKey = response.LastEvaluatedKey;
                return (
                    new DynamoDbReadPage(response.Items ?? NoItems, response.Count ?? 0, response.ScannedCount ?? 0, response.ConsumedCapacity?.CapacityUnits),
                    response.LastEvaluatedKey is not { Count: > 0 });
            }
        }
    }

    /// <summary>Binds a page to this query: a token from another query is refused, and the read starts after its key.</summary>
    private static void ContinueFrom(DynamoDbPageRequest page, AmazonDynamoDBRequest request, DynamoDbContextSettings settings)
    {
        page.QueryFingerprint = DynamoDbContinuationToken.Fingerprint(request);
        if (page.StartToken == null)
        {
            return;
        }

        var start = DynamoDbContinuationToken.Decode(page.StartToken, settings.ContinuationTokenKey, settings.ContinuationTokenProtector);
        if (start.QueryFingerprint != page.QueryFingerprint)
        {
            throw new ArgumentException(DynamoDbStrings.ForeignContinuationToken);
        }

        switch (request)
        {
            case QueryRequest query:
                query.ExclusiveStartKey = start.StartKey;
                break;
            case ScanRequest scan:
                scan.ExclusiveStartKey = start.StartKey;
                break;
        }
    }

    private void GuardScan(DynamoDbClientWrapper client)
    {
        if (plan.AllowScan)
        {
            return;
        }

        switch (client.Settings.ScanBehavior)
        {
            case DynamoDbScanBehavior.Throw:
                throw new InvalidOperationException(DynamoDbStrings.ScanRefused(plan.TableName, plan.QueryText) + plan.SkippedIndex?.QueryNote(plan.EntityType));
            case DynamoDbScanBehavior.Warn:
                queryContext.QueryLogger.ScanQueryWarning(plan.TableName, plan.QueryText, plan.SkippedIndex?.QueryNote(plan.EntityType) ?? "");
                break;
        }
    }
}
