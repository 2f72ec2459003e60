using Amazon.Runtime;

namespace EFCore.DynamoDb.Benchmarks.Infrastructure;

/// <summary>Gives one AWS SDK client <see cref="HttpClient"/>s that send through its own <see cref="ReplayHandler"/>.</summary>
public sealed class ReplayHttpClientFactory(ReplayHandler handler) : HttpClientFactory
{
    public ReplayHandler Handler { get; } = handler;

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(Handler, disposeHandler: false);

    /// <summary>Null: the SDK caches the HttpClient per SDK client, never shared with another client's handler.</summary>
    public override string? GetConfigUniqueString(IClientConfig clientConfig) => null;
}
