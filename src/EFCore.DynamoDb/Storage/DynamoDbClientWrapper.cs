using System.Diagnostics;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using EFCore.DynamoDb.Diagnostics;
using EFCore.DynamoDb.Infrastructure;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Storage;

/// <summary>
/// Sends every request of a context to DynamoDB: through the context's client, logged with its event id,
/// with transport failures (an endpoint that does not answer) turned into one clear error.
/// </summary>
internal sealed class DynamoDbClientWrapper(
    DynamoDbContextSettings settings,
    IDiagnosticsLogger<DbLoggerCategory.Database.Command> commandLogger,
    ICurrentDbContext currentContext)
{
    /// <summary>Set while a synchronous EF Core call waits: interceptors then get their synchronous calls.</summary>
    private static readonly AsyncLocal<bool> Synchronous = new();

    private readonly IDynamoDbRequestInterceptor? _interceptor = commandLogger.Interceptors?.Aggregate<IDynamoDbRequestInterceptor>();
    private readonly Lock _totalsLock = new();
    private int _requests;
    private double _capacity;

    /// <summary>How many requests this context sent and the capacity they consumed, so far.</summary>
    public (int Requests, double Capacity) Totals
    {
        get
        {
            lock (_totalsLock)
            {
                return (_requests, _capacity);
            }
        }
    }

    private delegate void LogAction(IDiagnosticsLogger<DbLoggerCategory.Database.Command> logger, DynamoDbRequestLog log);

    public DynamoDbContextSettings Settings => settings;

    /// <summary>
    /// Runs an asynchronous operation to completion for EF Core's synchronous APIs: the one place the provider blocks.
    /// The requests it sends call interceptors' synchronous methods.
    /// </summary>
    public static T Wait<T>(Func<Task<T>> operation)
    {
        var task = StartSynchronously(operation);
        return task.GetAwaiter().GetResult();
    }

    /// <inheritdoc cref="Wait{T}(Func{Task{T}})"/>
    public static T Wait<T>(Func<ValueTask<T>> operation)
    {
        var task = StartSynchronously(operation);
        return task.IsCompleted ? task.Result : task.AsTask().GetAwaiter().GetResult();
    }

    private static TTask StartSynchronously<TTask>(Func<TTask> operation)
    {
        // The flag flows into the operation's continuations, and is cleared again for the caller.
        var outer = Synchronous.Value;
        Synchronous.Value = true;
        try
        {
            return operation();
        }
        finally
        {
            Synchronous.Value = outer;
        }
    }

    public Task<GetItemResponse> GetItemAsync(GetItemRequest request, CancellationToken cancellationToken)
        => SendAsync("GetItem", request.TableName, request, (c, t) => c.GetItemAsync(request, t), r => r.ConsumedCapacity, DynamoDbLoggerExtensions.ExecutedGetItem, cancellationToken);

    public Task<BatchGetItemResponse> BatchGetItemAsync(BatchGetItemRequest request, CancellationToken cancellationToken)
        => SendAsync(
            "BatchGetItem",
            string.Join(", ", request.RequestItems.Keys),
            request,
            (c, t) => c.BatchGetItemAsync(request, t),
            r => Total(r.ConsumedCapacity),
            DynamoDbLoggerExtensions.ExecutedBatchGetItem,
            cancellationToken);

    public Task<BatchWriteItemResponse> BatchWriteItemAsync(BatchWriteItemRequest request, CancellationToken cancellationToken)
        => SendAsync(
            "BatchWriteItem",
            string.Join(", ", request.RequestItems.Keys),
            request,
            (c, t) => c.BatchWriteItemAsync(request, t),
            r => Total(r.ConsumedCapacity),
            DynamoDbLoggerExtensions.ExecutedBatchWriteItem,
            cancellationToken);

    /// <summary>Sends a query page; with <paramref name="keepConsumedCapacity"/>, asks for its consumed capacity even when it is not logged (a rate-limited read).</summary>
    public Task<QueryResponse> QueryAsync(QueryRequest request, CancellationToken cancellationToken, bool keepConsumedCapacity = false)
        => SendAsync(
            "Query", request.TableName, request, (c, t) => c.QueryAsync(request, t), r => r.ConsumedCapacity, DynamoDbLoggerExtensions.ExecutedQuery, cancellationToken, keepConsumedCapacity);

    /// <summary>Sends a scan page; with <paramref name="keepConsumedCapacity"/>, asks for its consumed capacity even when it is not logged (a rate-limited read).</summary>
    public Task<ScanResponse> ScanAsync(ScanRequest request, CancellationToken cancellationToken, bool keepConsumedCapacity = false)
        => SendAsync(
            "Scan", request.TableName, request, (c, t) => c.ScanAsync(request, t), r => r.ConsumedCapacity, DynamoDbLoggerExtensions.ExecutedScan, cancellationToken, keepConsumedCapacity);

    public Task<ExecuteStatementResponse> ExecuteStatementAsync(ExecuteStatementRequest request, CancellationToken cancellationToken)
        => SendAsync("ExecuteStatement", "", request, (c, t) => c.ExecuteStatementAsync(request, t), r => r.ConsumedCapacity, DynamoDbLoggerExtensions.ExecutedExecuteStatement, cancellationToken);

    public Task<PutItemResponse> PutItemAsync(PutItemRequest request, CancellationToken cancellationToken)
        => SendAsync("PutItem", request.TableName, request, (c, t) => c.PutItemAsync(request, t), r => r.ConsumedCapacity, DynamoDbLoggerExtensions.ExecutedPutItem, cancellationToken);

    public Task<UpdateItemResponse> UpdateItemAsync(UpdateItemRequest request, CancellationToken cancellationToken)
        => SendAsync("UpdateItem", request.TableName, request, (c, t) => c.UpdateItemAsync(request, t), r => r.ConsumedCapacity, DynamoDbLoggerExtensions.ExecutedUpdateItem, cancellationToken);

    public Task<DeleteItemResponse> DeleteItemAsync(DeleteItemRequest request, CancellationToken cancellationToken)
        => SendAsync("DeleteItem", request.TableName, request, (c, t) => c.DeleteItemAsync(request, t), r => r.ConsumedCapacity, DynamoDbLoggerExtensions.ExecutedDeleteItem, cancellationToken);

    public Task<TransactWriteItemsResponse> TransactWriteItemsAsync(TransactWriteItemsRequest request, CancellationToken cancellationToken)
        => SendAsync(
            "TransactWriteItems",
            string.Join(", ", request.TransactItems.Select(TableOf).Distinct()),
            request,
            (c, t) => c.TransactWriteItemsAsync(request, t),
            r => Total(r.ConsumedCapacity),
            DynamoDbLoggerExtensions.ExecutedTransactWriteItems,
            cancellationToken);

    public Task<CreateTableResponse> CreateTableAsync(CreateTableRequest request, CancellationToken cancellationToken)
        => SendAsync("CreateTable", request.TableName, request, (c, t) => c.CreateTableAsync(request, t), _ => null, DynamoDbLoggerExtensions.ExecutedCreateTable, cancellationToken);

    public Task<DeleteTableResponse> DeleteTableAsync(DeleteTableRequest request, CancellationToken cancellationToken)
        => SendAsync("DeleteTable", request.TableName, request, (c, t) => c.DeleteTableAsync(request, t), _ => null, DynamoDbLoggerExtensions.ExecutedDeleteTable, cancellationToken);

    public Task<DescribeTableResponse> DescribeTableAsync(DescribeTableRequest request, CancellationToken cancellationToken)
        => SendAsync("DescribeTable", request.TableName, request, (c, t) => c.DescribeTableAsync(request, t), _ => null, DynamoDbLoggerExtensions.ExecutedDescribeTable, cancellationToken);

    public Task<UpdateTableResponse> UpdateTableAsync(UpdateTableRequest request, CancellationToken cancellationToken)
        => SendAsync("UpdateTable", request.TableName, request, (c, t) => c.UpdateTableAsync(request, t), _ => null, DynamoDbLoggerExtensions.ExecutedUpdateTable, cancellationToken);

    public Task<UpdateTimeToLiveResponse> UpdateTimeToLiveAsync(UpdateTimeToLiveRequest request, CancellationToken cancellationToken)
        => SendAsync("UpdateTimeToLive", request.TableName, request, (c, t) => c.UpdateTimeToLiveAsync(request, t), _ => null, DynamoDbLoggerExtensions.ExecutedUpdateTimeToLive, cancellationToken);

    public Task<DescribeTimeToLiveResponse> DescribeTimeToLiveAsync(DescribeTimeToLiveRequest request, CancellationToken cancellationToken)
        => SendAsync("DescribeTimeToLive", request.TableName, request, (c, t) => c.DescribeTimeToLiveAsync(request, t), _ => null, DynamoDbLoggerExtensions.ExecutedDescribeTable, cancellationToken);

    public Task<ListTablesResponse> ListTablesAsync(ListTablesRequest request, CancellationToken cancellationToken)
        => SendAsync("ListTables", "", request, (c, t) => c.ListTablesAsync(request, t), _ => null, DynamoDbLoggerExtensions.ExecutedListTables, cancellationToken);

    private async Task<TResponse> SendAsync<TResponse>(
        string operation,
        string tableName,
        AmazonDynamoDBRequest request,
        Func<IAmazonDynamoDB, CancellationToken, Task<TResponse>> send,
        Func<TResponse, ConsumedCapacity?> capacity,
        LogAction logExecuted,
        CancellationToken cancellationToken,
        bool keepConsumedCapacity = false)
        where TResponse : AmazonWebServiceResponse
    {
        if (keepConsumedCapacity)
        {
            SetReturnConsumedCapacity(request, ReturnConsumedCapacity.TOTAL);
        }
        else if (!CapacityLogged)
        {
            SetReturnConsumedCapacity(request, null);
        }

        // Interceptors get event data; without any, nothing is allocated for them.
        var sending = _interceptor == null
            ? null
            : new DynamoDbRequestEventData(
                currentContext.Context, operation, tableName.Length == 0 ? [] : tableName.Split(", "), IndexOf(request), Guid.NewGuid(), request);
        if (sending != null)
        {
            await NotifyAsync(sending, static (i, e) => i.RequestSending(e), static (i, e, t) => i.RequestSendingAsync(e, t), cancellationToken)
                .ConfigureAwait(false);
        }

        using var activity = DynamoDbActivitySource.Start(operation, tableName, IndexOf(request));
        var started = Stopwatch.GetTimestamp();
        TResponse response;
        try
        {
            try
            {
                response = await send(settings.Client, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonServiceException exception) when (exception.ErrorCode != null)
            {
                if (LoggedFailure(operation, tableName, request, exception, started) is { } clearer)
                {
                    throw clearer;
                }

                throw;
            }
            catch (Exception exception) when (IsTransportFailure(exception) && !cancellationToken.IsCancellationRequested)
            {
                throw new InvalidOperationException(
                    DynamoDbStrings.EndpointUnreachable(operation, tableName, settings.EndpointDescription, exception.Message), exception);
            }
            catch (AmazonServiceException exception)
            {
                // An answer without a DynamoDB error code: a server failure in front of DynamoDB (after the SDK's
                // retries), or, below 500, something other than DynamoDB at the endpoint.
                var status = $"HTTP {(int)exception.StatusCode}";
                commandLogger.RequestFailed(new DynamoDbRequestLog(operation, tableName, request, Stopwatch.GetElapsedTime(started), null, status));
                throw new AmazonDynamoDBException(
                    (int)exception.StatusCode >= 500
                        ? DynamoDbStrings.AnswerWithoutErrorCode(operation, tableName, settings.EndpointDescription, status, exception.Message)
                        : DynamoDbStrings.NotDynamoDbAnswer(operation, tableName, settings.EndpointDescription, status, exception.Message),
                    exception,
                    exception.ErrorType,
                    exception.ErrorCode,
                    exception.RequestId,
                    exception.StatusCode);
            }
            catch (AmazonClientException exception) when (exception.GetType() == typeof(AmazonClientException))
            {
                // The SDK could not send it at all: its own text names neither the request nor the endpoint.
                commandLogger.RequestFailed(new DynamoDbRequestLog(operation, tableName, request, Stopwatch.GetElapsedTime(started), null, "a client error"));
                throw new AmazonClientException(
                    DynamoDbStrings.RequestNotSent(operation, tableName, settings.EndpointDescription, exception.Message), exception);
            }
        }
        catch (Exception exception)
        {
            DynamoDbActivitySource.Failed(activity, exception);
            if (sending != null)
            {
                await NotifyAsync(
                    new DynamoDbRequestFailedEventData(sending, exception, Stopwatch.GetElapsedTime(started)),
                    static (i, e) => i.RequestFailed(e),
                    static (i, e, t) => i.RequestFailedAsync(e, t),
                    cancellationToken).ConfigureAwait(false);
            }

            throw;
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var consumed = capacity(response)?.CapacityUnits;
        lock (_totalsLock)
        {
            _requests++;
            _capacity += consumed ?? 0;
        }

        DynamoDbActivitySource.Succeeded(activity, consumed);
        logExecuted(commandLogger, new DynamoDbRequestLog(operation, tableName, request, elapsed, consumed));
        if (sending != null)
        {
            await NotifyAsync(
                new DynamoDbRequestSucceededEventData(sending, response, elapsed, consumed),
                static (i, e) => i.RequestSucceeded(e),
                static (i, e, t) => i.RequestSucceededAsync(e, t),
                cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    /// <summary>Calls the interceptors' synchronous method under a synchronous EF Core call, else their asynchronous one.</summary>
    private ValueTask NotifyAsync<TEventData>(
        TEventData eventData,
        Action<IDynamoDbRequestInterceptor, TEventData> synchronous,
        Func<IDynamoDbRequestInterceptor, TEventData, CancellationToken, ValueTask> asynchronous,
        CancellationToken cancellationToken)
    {
        if (Synchronous.Value)
        {
            synchronous(_interceptor!, eventData);
            return default;
        }

        return asynchronous(_interceptor!, eventData, cancellationToken);
    }

    /// <summary>
    /// Logs a request DynamoDB refused, and returns the exception to throw instead when DynamoDB's own says too
    /// little; null to throw DynamoDB's.
    /// </summary>
    private AmazonServiceException? LoggedFailure(
        string operation, string tableName, AmazonDynamoDBRequest request, AmazonServiceException exception, long started)
    {
        // A missing table is how DescribeTable answers "does it exist?", and what EnsureDeleted expects of tables
        // that are gone already: not a failure worth a warning.
        if (exception is ResourceNotFoundException && request is DescribeTableRequest or DeleteTableRequest)
        {
            return null;
        }

        commandLogger.RequestFailed(new DynamoDbRequestLog(
            operation, tableName, request, Stopwatch.GetElapsedTime(started), null, exception.ErrorCode));

        // DynamoDB's own text names neither the table nor the endpoint; the exception keeps its type and code.
        return exception is ResourceNotFoundException
            ? new ResourceNotFoundException(
                DynamoDbStrings.TableNotFound(operation, tableName, settings.EndpointDescription),
                exception,
                exception.ErrorType,
                exception.ErrorCode,
                exception.RequestId,
                exception.StatusCode)
            : null;
    }

    private static string? IndexOf(AmazonDynamoDBRequest request)
        => request switch { QueryRequest q => q.IndexName, ScanRequest s => s.IndexName, _ => null };

    /// <summary>
    /// Whether consumed capacity is logged for this context. When it is not, requests do not ask for it: it is free on
    /// DynamoDB but not everywhere (DynamoDB Local answers such writes several times slower).
    /// </summary>
    private bool CapacityLogged
        => _capacityLogged ??= commandLogger.Logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Information)
            || commandLogger.DiagnosticSource.IsEnabled(DynamoDbEventId.ExecutedQuery.Name!);

    private bool? _capacityLogged;

    private static void SetReturnConsumedCapacity(AmazonDynamoDBRequest request, ReturnConsumedCapacity? value)
    {
        switch (request)
        {
            case GetItemRequest r: r.ReturnConsumedCapacity = value; break;
            case QueryRequest r: r.ReturnConsumedCapacity = value; break;
            case ScanRequest r: r.ReturnConsumedCapacity = value; break;
            case PutItemRequest r: r.ReturnConsumedCapacity = value; break;
            case UpdateItemRequest r: r.ReturnConsumedCapacity = value; break;
            case DeleteItemRequest r: r.ReturnConsumedCapacity = value; break;
            case TransactWriteItemsRequest r: r.ReturnConsumedCapacity = value; break;
            case BatchWriteItemRequest r: r.ReturnConsumedCapacity = value; break;
            case BatchGetItemRequest r: r.ReturnConsumedCapacity = value; break;
            case ExecuteStatementRequest r: r.ReturnConsumedCapacity = value; break;
        }
    }

    /// <summary>The capacity a multi-table request consumed, summed over its tables.</summary>
    private static ConsumedCapacity? Total(List<ConsumedCapacity>? capacities)
        => capacities is { Count: > 0 } ? new ConsumedCapacity { CapacityUnits = capacities.Sum(c => c.CapacityUnits ?? 0) } : null;

    private static string TableOf(TransactWriteItem item)
        => item.Put?.TableName ?? item.Update?.TableName ?? item.Delete?.TableName ?? item.ConditionCheck?.TableName ?? "";

    private static bool IsTransportFailure(Exception exception)
    {
        for (var current = exception; current != null; current = current.InnerException)
        {
            if (current is DynamoDbEndpointUnreachableException or HttpRequestException or SocketException or IOException or TimeoutException or TaskCanceledException)
            {
                return true;
            }
        }

        return false;
    }
}
