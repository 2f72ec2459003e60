namespace Microsoft.EntityFrameworkCore.Diagnostics;

/// <summary>
/// Sees every request the DynamoDB provider sends (queries, saves, <c>EnsureCreated</c>, counters), before it is sent
/// and when it succeeded or failed. Register it with <c>AddInterceptors</c>, like EF Core's own interceptors. In
/// <see cref="RequestSending"/> the request may be changed before it goes out. Synchronous EF Core calls
/// (<c>ToList</c>, <c>SaveChanges</c>) call the synchronous methods, asynchronous ones the <c>Async</c> methods; every
/// method does nothing unless implemented.
/// </summary>
public interface IDynamoDbRequestInterceptor : IInterceptor
{
    /// <summary>A request is about to be sent; <see cref="DynamoDbRequestEventData.Request"/> may be changed.</summary>
    void RequestSending(DynamoDbRequestEventData eventData)
    {
    }

    /// <inheritdoc cref="RequestSending"/>
    ValueTask RequestSendingAsync(DynamoDbRequestEventData eventData, CancellationToken cancellationToken = default)
        => default;

    /// <summary>DynamoDB answered the request successfully.</summary>
    void RequestSucceeded(DynamoDbRequestSucceededEventData eventData)
    {
    }

    /// <inheritdoc cref="RequestSucceeded"/>
    ValueTask RequestSucceededAsync(DynamoDbRequestSucceededEventData eventData, CancellationToken cancellationToken = default)
        => default;

    /// <summary>The request failed: DynamoDB refused it, or the endpoint could not be reached.</summary>
    void RequestFailed(DynamoDbRequestFailedEventData eventData)
    {
    }

    /// <inheritdoc cref="RequestFailed"/>
    ValueTask RequestFailedAsync(DynamoDbRequestFailedEventData eventData, CancellationToken cancellationToken = default)
        => default;
}
