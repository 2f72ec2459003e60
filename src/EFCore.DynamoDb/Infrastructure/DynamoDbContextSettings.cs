using Amazon.DynamoDBv2;
using Microsoft.AspNetCore.DataProtection;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Infrastructure;

/// <summary>The DynamoDB settings of the current context instance (a scoped service).</summary>
internal sealed class DynamoDbContextSettings
{
    private readonly DynamoDbOptionsExtension _options;
    private readonly DynamoDbClientFactory _clientFactory;
    private IAmazonDynamoDB? _client;

    public DynamoDbContextSettings(IDbContextOptions options, DynamoDbClientFactory clientFactory)
    {
        _options = options.FindExtension<DynamoDbOptionsExtension>() ?? new DynamoDbOptionsExtension();
        if (_options.Client != null
            && (_options.ServiceUrl != null || _options.Region != null || _options.Credentials != null || _options.ConfigureClient != null))
        {
            throw new InvalidOperationException(DynamoDbStrings.ClientWithClientOptions);
        }

        _clientFactory = clientFactory;
        var core = options.FindExtension<CoreOptionsExtension>();
        SensitiveDataLoggingEnabled = core?.IsSensitiveDataLoggingEnabled ?? false;
        _applicationServices = core?.ApplicationServiceProvider;
    }

    private readonly IServiceProvider? _applicationServices;
    private IDataProtector? _tokenProtector;

    public IAmazonDynamoDB Client => _client ??= _clientFactory.GetClient(_options);

    public string TableNamePrefix => _options.TableNamePrefix ?? "";

    public bool ConsistentReads => _options.ConsistentReads;

    /// <summary>The key that encrypts and authenticates continuation tokens, if the application gave one.</summary>
    public byte[]? ContinuationTokenKey => _options.ContinuationTokenKey;

    /// <summary>
    /// Without a token key: the application's ASP.NET Core Data Protection, when it registered it, protects
    /// continuation tokens instead.
    /// </summary>
    public IDataProtector? ContinuationTokenProtector
        => _options.ContinuationTokenKey == null
            ? _tokenProtector ??= (_applicationServices?.GetService(typeof(IDataProtectionProvider)) as IDataProtectionProvider)
                ?.CreateProtector("EFCore.DynamoDb.ContinuationTokens")
            : null;

    public DynamoDbScanBehavior ScanBehavior => _options.ScanBehavior;

    public bool SensitiveDataLoggingEnabled { get; }

    /// <summary>How many write requests a non-transactional save keeps in flight at once.</summary>
    public int MaxWriteConcurrency => _options.MaxWriteConcurrency;

    /// <summary>Whether rate-limited reads may estimate the capacity an endpoint does not report.</summary>
    public bool RateLimitWithoutConsumedCapacity => _options.RateLimitWithoutConsumedCapacity;

    /// <summary>The endpoint requests go to, for error messages (never credentials).</summary>
    public string EndpointDescription
        => _options.ServiceUrl
            ?? (_client as AmazonDynamoDBClient)?.Config.ServiceURL
            ?? (_options.Region != null ? $"AWS region {_options.Region}" : "the AWS SDK's default endpoint");

    /// <summary>The name of a mapped table as this context addresses it (with the configured prefix).</summary>
    /// <exception cref="InvalidOperationException">The resulting name is not a valid DynamoDB table name.</exception>
    public string ResolveTableName(string tableName)
        => ResolvedTableNames.GetOrAdd((TableNamePrefix, tableName), static names => Resolve(names.Prefix, names.Table));

    // Every request resolves its table: checked and concatenated once per prefix and table for the application, not
    // per context (writes may run in parallel).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Prefix, string Table), string> ResolvedTableNames = new();

    private static string Resolve(string prefix, string tableName)
    {
        var resolved = prefix + tableName;
        if (resolved.Length is < 3 or > 255 || !resolved.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            throw new InvalidOperationException(DynamoDbStrings.InvalidTableName(resolved, tableName, prefix));
        }

        return resolved;
    }
}
