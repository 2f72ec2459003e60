using System.Net.Sockets;
using Amazon.Runtime;
using EFCore.DynamoDb.Storage;

namespace EFCore.DynamoDb.Infrastructure;

/// <summary>
/// The HTTP transport of the clients the provider creates: a dead endpoint fails in seconds instead of minutes.
/// Connections time out after <see cref="ConnectTimeout"/>, and a connection that cannot be made (refused, no
/// route, timed out) is tried <see cref="DynamoDbRetryCaps.ConnectAttempts"/> times within about a second, then reported as
/// <see cref="DynamoDbEndpointUnreachableException"/>, which the AWS SDK does not retry (its retries, with growing
/// backoff, took two minutes). A request that gets no answer within the client's <c>Timeout</c> is reported the same
/// way, once: the SDK would send it ten more times (seven minutes at the default timeout), and a write that timed out
/// may have been applied, so sending it again could apply it twice. Throttling and server errors are answers, not
/// transport failures: the SDK still retries them with backoff. An application's own <c>HttpClientFactory</c>
/// (<c>ConfigureClient</c>) replaces it.
/// </summary>
internal sealed class DynamoDbHttpClientFactory : HttpClientFactory
{
    public static readonly DynamoDbHttpClientFactory Instance = new();

    /// <summary>How long opening a connection may take.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan ConnectRetryDelay = TimeSpan.FromMilliseconds(250);

    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
    {
        var transport = new SocketsHttpHandler { ConnectTimeout = ConnectTimeout, AllowAutoRedirect = clientConfig.AllowAutoRedirect };
        if (clientConfig.GetWebProxy() is { } proxy)
        {
            proxy.Credentials ??= clientConfig.ProxyCredentials;
            transport.Proxy = proxy;
        }

        if (clientConfig.MaxConnectionsPerServer is { } connections)
        {
            transport.MaxConnectionsPerServer = connections;
        }

        // The handler times each request out itself, to tell a timeout from the caller's cancellation.
        var timeout = clientConfig.Timeout ?? DynamoDbClientFactory.DefaultTimeout;
        return new HttpClient(new TransportFailureHandler(timeout) { InnerHandler = transport }) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => clientConfig.CacheHttpClient;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    public override string GetConfigUniqueString(IClientConfig clientConfig)
        => $"efcore-dynamodb:{clientConfig.Timeout}:{clientConfig.MaxConnectionsPerServer}:{clientConfig.AllowAutoRedirect}:{clientConfig.ProxyHost}:{clientConfig.ProxyPort}:{clientConfig.ProxyCredentials?.GetHashCode()}";

    /// <summary>
    /// Retries a failed connection briefly, then reports the endpoint unreachable; reports a request that got no
    /// answer in time without sending it again.
    /// </summary>
    private sealed class TransportFailureHandler(TimeSpan timeout) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attemptTimeout.CancelAfter(timeout);
                try
                {
                    return await base.SendAsync(request, attemptTimeout.Token).ConfigureAwait(false);
                }
                catch (HttpRequestException exception) when (IsConnectionFailure(exception) && !cancellationToken.IsCancellationRequested)
                {
                    if (attempt == DynamoDbRetryCaps.ConnectAttempts)
                    {
                        throw new DynamoDbEndpointUnreachableException(exception.Message, exception);
                    }
                }
                catch (OperationCanceledException exception) when (IsConnectTimeout(exception, attemptTimeout.Token) && !cancellationToken.IsCancellationRequested)
                {
                    // Reported without the cancellation inside: the AWS SDK would retry a request that carries one.
                    if (attempt == DynamoDbRetryCaps.ConnectAttempts)
                    {
                        throw new DynamoDbEndpointUnreachableException(exception.InnerException!.Message, inner: null);
                    }
                }
                catch (OperationCanceledException) when (attemptTimeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    throw new DynamoDbEndpointUnreachableException(timeout);
                }

                await Task.Delay(ConnectRetryDelay * attempt, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>No connection was made, so nothing was sent: the request can be tried again safely.</summary>
        private static bool IsConnectionFailure(HttpRequestException exception)
            => exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                || exception.InnerException is SocketException or TimeoutException;

        /// <summary>The connection was not made within <see cref="ConnectTimeout"/> (the transport's own timeout, not the request's).</summary>
        private static bool IsConnectTimeout(OperationCanceledException exception, CancellationToken attempt)
            => exception.InnerException is TimeoutException && !attempt.IsCancellationRequested;
    }
}
