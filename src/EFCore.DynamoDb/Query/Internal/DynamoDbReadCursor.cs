using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Diagnostics;
using EFCore.DynamoDb.Infrastructure;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Reads the pages of one query execution in turn, following <c>LastEvaluatedKey</c>, so results stream as they
/// arrive. Applies the context's scan behavior before the first request of a scan. The parameter values are the
/// query's, or those given (a follow-up read of related items binds its keys as parameters).
/// </summary>
internal sealed class DynamoDbReadCursor(
    DynamoDbQueryContext queryContext, DynamoDbReadPlan plan, int? itemsToRead, IReadOnlyDictionary<string, object?>? parameters = null)
{
    private readonly IReadOnlyDictionary<string, object?> _parameters = parameters ?? queryContext.Parameters;

    private static readonly List<Dictionary<string, AttributeValue>> NoItems = [];
    private static readonly DynamoDbReadPage Empty = new(NoItems, 0);

    private Queue<AmazonDynamoDBRequest>? _requests;
    private bool _finished;

    /// <summary>Whether every page has been read.</summary>
    public bool IsFinished => _finished;

    /// <summary>The next page, or null when there are no more pages.</summary>
    public async Task<DynamoDbReadPage?> ReadNextPageAsync(CancellationToken cancellationToken)
    {
        if (_finished)
        {
            return null;
        }

        var client = queryContext.ClientWrapper;
        if (_requests == null)
        {
            _requests = new Queue<AmazonDynamoDBRequest>(
                DynamoDbReadRequestFactory.CreateAll(plan, _parameters, client.Settings, itemsToRead));
            if (_requests.Count == 0 || itemsToRead == 0)
            {
                _finished = true;
                return null;
            }

            if (plan.Operation == DynamoDbReadOperation.Scan)
            {
                GuardScan(client);
            }

            if (plan.FindPageRequest(_parameters) is { } page)
            {
                ContinueFrom(page, _requests.Peek(), client.Settings);
            }
        }

        // A page read is idempotent (the same request, the same start key), so the execution strategy may retry it.
        var (result, requestDone) = await queryContext.ExecutionStrategy.ExecuteAsync(
            (client, request: _requests.Peek()),
            (_, state, token) => ReadPageAsync(state.client, state.request, token),
            null,
            cancellationToken).ConfigureAwait(false);
        if (plan.ReadsFromTable && result.Items.Count > 0)
        {
            result = new DynamoDbReadPage(await CompleteFromTableAsync(client, result.Items, cancellationToken).ConfigureAwait(false), result.Count);
        }

        if (requestDone)
        {
            _requests.Dequeue();
            _finished = _requests.Count == 0;
        }

        return result;
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
        DynamoDbClientWrapper client, AmazonDynamoDBRequest request, CancellationToken cancellationToken)
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
                var response = await client.QueryAsync(query, cancellationToken).ConfigureAwait(false);
                query.ExclusiveStartKey = response.LastEvaluatedKey;
                return (new DynamoDbReadPage(response.Items ?? NoItems, response.Count ?? 0), response.LastEvaluatedKey is not { Count: > 0 });
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
                var response = await client.ScanAsync(scan, cancellationToken).ConfigureAwait(false);
                scan.ExclusiveStartKey = response.LastEvaluatedKey;
                return (new DynamoDbReadPage(response.Items ?? NoItems, response.Count ?? 0), response.LastEvaluatedKey is not { Count: > 0 });
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
            throw new ArgumentException(DynamoDbStrings.ForeignContinuationToken, "continuationToken");
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
                throw new InvalidOperationException(DynamoDbStrings.ScanRefused(plan.TableName, plan.QueryText));
            case DynamoDbScanBehavior.Warn:
                queryContext.QueryLogger.ScanQueryWarning(plan.TableName, plan.QueryText);
                break;
        }
    }
}
