using System.Net.Sockets;
using Amazon.Runtime;
using EFCore.DynamoDb.Storage;

namespace EFCore.DynamoDb.Infrastructure;

/// <summary>
/// The HTTP transport of the clients the provider creates: a dead endpoint fails in seconds instead of minutes.
/// Connections time out after <see cref="ConnectTimeout"/>, and a connection that cannot be made (refused, no
/// route, timed out) is tried <see cref="DynamoDbRetryCaps.ConnectAttempts"/> times within about a second, then reported as
/// <see cref="DynamoDbEndpointUnreachableException"/>, which the AWS SDK does not retry (its retries, with growing
/// backoff, took two minutes). Throttling and server errors are answers, not connection failures: the SDK still
/// retries them with backoff. An application's own <c>HttpClientFactory</c> (<c>ConfigureClient</c>) replaces it.
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

        return new HttpClient(new ConnectionFailureHandler { InnerHandler = transport })
        {
            Timeout = clientConfig.Timeout ?? DynamoDbClientFactory.DefaultTimeout,
        };
    }

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => clientConfig.CacheHttpClient;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    public override string GetConfigUniqueString(IClientConfig clientConfig)
        => $"efcore-dynamodb:{clientConfig.Timeout}:{clientConfig.MaxConnectionsPerServer}:{clientConfig.AllowAutoRedirect}:{clientConfig.ProxyHost}:{clientConfig.ProxyPort}:{clientConfig.ProxyCredentials?.GetHashCode()}";

    /// <summary>Retries a failed connection briefly, then reports the endpoint unreachable.</summary>
    private sealed class ConnectionFailureHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch (HttpRequestException exception) when (IsConnectionFailure(exception) && !cancellationToken.IsCancellationRequested)
                {
                    if (attempt == DynamoDbRetryCaps.ConnectAttempts)
                    {
                        throw new DynamoDbEndpointUnreachableException(exception);
                    }
                }

                await Task.Delay(ConnectRetryDelay * attempt, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>No connection was made, so nothing was sent: the request can be tried again safely.</summary>
        private static bool IsConnectionFailure(HttpRequestException exception)
            => exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                || exception.InnerException is SocketException or TimeoutException;
    }
}
