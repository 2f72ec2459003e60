using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.Diagnostics;

/// <summary>Several request interceptors called in the order they were registered.</summary>
internal sealed class DynamoDbRequestInterceptorChain(IDynamoDbRequestInterceptor[] interceptors) : IDynamoDbRequestInterceptor
{
    public void RequestSending(DynamoDbRequestEventData eventData)
    {
        foreach (var interceptor in interceptors)
        {
            interceptor.RequestSending(eventData);
        }
    }

    public async ValueTask RequestSendingAsync(DynamoDbRequestEventData eventData, CancellationToken cancellationToken = default)
    {
        foreach (var interceptor in interceptors)
        {
            await interceptor.RequestSendingAsync(eventData, cancellationToken).ConfigureAwait(false);
        }
    }

    public void RequestSucceeded(DynamoDbRequestSucceededEventData eventData)
    {
        foreach (var interceptor in interceptors)
        {
            interceptor.RequestSucceeded(eventData);
        }
    }

    public async ValueTask RequestSucceededAsync(DynamoDbRequestSucceededEventData eventData, CancellationToken cancellationToken = default)
    {
        foreach (var interceptor in interceptors)
        {
            await interceptor.RequestSucceededAsync(eventData, cancellationToken).ConfigureAwait(false);
        }
    }

    public void RequestFailed(DynamoDbRequestFailedEventData eventData)
    {
        foreach (var interceptor in interceptors)
        {
            interceptor.RequestFailed(eventData);
        }
    }

    public async ValueTask RequestFailedAsync(DynamoDbRequestFailedEventData eventData, CancellationToken cancellationToken = default)
    {
        foreach (var interceptor in interceptors)
        {
            await interceptor.RequestFailedAsync(eventData, cancellationToken).ConfigureAwait(false);
        }
    }
}
