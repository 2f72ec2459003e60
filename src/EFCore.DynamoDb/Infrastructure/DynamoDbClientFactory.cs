using System.Collections.Concurrent;
using Amazon;
using Amazon.DynamoDBv2;

namespace EFCore.DynamoDb.Infrastructure;

/// <summary>
/// Creates AWS SDK clients and keeps one per distinct configuration for the life of the application,
/// never one per context or per request. A client passed to <c>UseDynamoDb(client)</c> is used as it is.
/// </summary>
internal sealed class DynamoDbClientFactory : IDisposable
{
    /// <summary>The HTTP timeout the provider sets unless <c>ConfigureClient</c> changes it, so an endpoint that does not answer fails instead of hanging.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<DynamoDbClientKey, Lazy<IAmazonDynamoDB>> _clients = new();

    // Options built once and shared by every context (AddDbContextPool, a factory, a static options object) find
    // their client without describing their configuration again.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DynamoDbOptionsExtension, IAmazonDynamoDB> _clientsByOptions = new();

    public IAmazonDynamoDB GetClient(DynamoDbOptionsExtension options)
        => options.Client
            ?? (_clientsByOptions.TryGetValue(options, out var known)
                ? known
                : _clientsByOptions.GetValue(
                    options, o => _clients.GetOrAdd(new DynamoDbClientKey(o), _ => new Lazy<IAmazonDynamoDB>(() => CreateClient(o))).Value));

    public static AmazonDynamoDBConfig CreateConfig(DynamoDbOptionsExtension options)
    {
        var config = new AmazonDynamoDBConfig { Timeout = DefaultTimeout, HttpClientFactory = DynamoDbHttpClientFactory.Instance };
        if (options.ServiceUrl != null)
        {
            // Setting RegionEndpoint would clear ServiceURL: with an explicit endpoint the region only signs requests.
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region ?? "us-east-1";
        }
        else if (options.Region != null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        options.ConfigureClient?.Invoke(config);
        return config;
    }

    private static IAmazonDynamoDB CreateClient(DynamoDbOptionsExtension options)
    {
        var config = CreateConfig(options);
        return options.Credentials == null ? new AmazonDynamoDBClient(config) : new AmazonDynamoDBClient(options.Credentials, config);
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated))
        {
            client.Value.Dispose();
        }

        _clients.Clear();
    }
}
