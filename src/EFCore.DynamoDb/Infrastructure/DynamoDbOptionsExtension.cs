using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace EFCore.DynamoDb.Infrastructure;

/// <summary>
/// The DynamoDB settings of one <see cref="DbContextOptions"/>. Every DynamoDB context shares one internal
/// service provider: the settings here are read per context (scoped), never baked into singletons, models or
/// cached queries, so contexts of one type may differ in client, endpoint and table prefix.
/// </summary>
internal sealed class DynamoDbOptionsExtension : IDbContextOptionsExtension
{
    private ExtensionInfo? _info;

    public DynamoDbOptionsExtension()
    {
    }

    private DynamoDbOptionsExtension(DynamoDbOptionsExtension copyFrom)
    {
        ServiceUrl = copyFrom.ServiceUrl;
        Region = copyFrom.Region;
        Credentials = copyFrom.Credentials;
        TableNamePrefix = copyFrom.TableNamePrefix;
        ConsistentReads = copyFrom.ConsistentReads;
        ScanBehavior = copyFrom.ScanBehavior;
        ConfigureClient = copyFrom.ConfigureClient;
        Client = copyFrom.Client;
        MaxWriteConcurrency = copyFrom.MaxWriteConcurrency;
        ExecutionStrategyFactory = copyFrom.ExecutionStrategyFactory;
        ContinuationTokenKey = copyFrom.ContinuationTokenKey;
        RateLimitWithoutConsumedCapacity = copyFrom.RateLimitWithoutConsumedCapacity;
    }

    public string? ServiceUrl { get; private init; }
    public string? Region { get; private init; }
    public AWSCredentials? Credentials { get; private init; }
    public string? TableNamePrefix { get; private init; }
    public bool ConsistentReads { get; private init; }
    public DynamoDbScanBehavior ScanBehavior { get; private init; } = DynamoDbScanBehavior.Warn;
    public Action<AmazonDynamoDBConfig>? ConfigureClient { get; private init; }
    public IAmazonDynamoDB? Client { get; private init; }
    public int MaxWriteConcurrency { get; private init; } = 4;
    public Func<ExecutionStrategyDependencies, IExecutionStrategy>? ExecutionStrategyFactory { get; private init; }
    public byte[]? ContinuationTokenKey { get; private init; }
    public bool RateLimitWithoutConsumedCapacity { get; private init; }

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public DynamoDbOptionsExtension WithServiceUrl(string? serviceUrl) => new(this) { ServiceUrl = serviceUrl };
    public DynamoDbOptionsExtension WithRegion(string? region) => new(this) { Region = region };
    public DynamoDbOptionsExtension WithCredentials(AWSCredentials? credentials) => new(this) { Credentials = credentials };
    public DynamoDbOptionsExtension WithTableNamePrefix(string? prefix) => new(this) { TableNamePrefix = prefix };
    public DynamoDbOptionsExtension WithConsistentReads(bool consistentReads) => new(this) { ConsistentReads = consistentReads };
    public DynamoDbOptionsExtension WithScanBehavior(DynamoDbScanBehavior behavior) => new(this) { ScanBehavior = behavior };
    public DynamoDbOptionsExtension WithExecutionStrategy(Func<ExecutionStrategyDependencies, IExecutionStrategy> factory)
        => new(this) { ExecutionStrategyFactory = factory };

    public DynamoDbOptionsExtension WithMaxWriteConcurrency(int concurrency) => new(this) { MaxWriteConcurrency = concurrency };

    public DynamoDbOptionsExtension WithContinuationTokenKey(byte[] key) => new(this) { ContinuationTokenKey = key };

    public DynamoDbOptionsExtension WithRateLimitWithoutConsumedCapacity() => new(this) { RateLimitWithoutConsumedCapacity = true };

    public DynamoDbOptionsExtension WithClient(IAmazonDynamoDB? client) => new(this) { Client = client };

    public DynamoDbOptionsExtension WithConfigureClient(Action<AmazonDynamoDBConfig> configure)
        => new(this) { ConfigureClient = ConfigureClient + configure };

    public void ApplyServices(IServiceCollection services) => services.AddEntityFrameworkDynamoDb();

    // Validation that depends on per-context values happens in DynamoDbContextSettings: EF Core calls Validate only
    // when it builds a service provider, which DynamoDB contexts share.
    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(DynamoDbOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        private string? _logFragment;

        private new DynamoDbOptionsExtension Extension => (DynamoDbOptionsExtension)base.Extension;

        public override bool IsDatabaseProvider => true;

        // Per-context settings are read from the scoped options, so every DynamoDB context can share one
        // internal service provider whatever its endpoint, client or prefix.
        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override string LogFragment => _logFragment ??= BuildLogFragment();

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
            debugInfo["DynamoDb:ServiceUrl"] = (Extension.ServiceUrl ?? "").GetHashCode().ToString(CultureInfo.InvariantCulture);
            debugInfo["DynamoDb:Region"] = (Extension.Region ?? "").GetHashCode().ToString(CultureInfo.InvariantCulture);
            debugInfo["DynamoDb:TableNamePrefix"] = (Extension.TableNamePrefix ?? "").GetHashCode().ToString(CultureInfo.InvariantCulture);
        }

        // Credentials are never part of the fragment: it is logged when a context is initialized.
        private string BuildLogFragment()
        {
            var builder = new StringBuilder();
            if (Extension.ServiceUrl != null)
            {
                builder.Append("ServiceUrl=").Append(Extension.ServiceUrl).Append(' ');
            }

            if (Extension.Region != null)
            {
                builder.Append("Region=").Append(Extension.Region).Append(' ');
            }

            if (Extension.TableNamePrefix != null)
            {
                builder.Append("TableNamePrefix=").Append(Extension.TableNamePrefix).Append(' ');
            }

            if (Extension.ConsistentReads)
            {
                builder.Append("ConsistentReads ");
            }

            builder.Append("ScanBehavior=").Append(Extension.ScanBehavior).Append(' ');
            return builder.ToString();
        }
    }
}
