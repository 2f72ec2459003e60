using Amazon.DynamoDBv2;
using Amazon.Runtime;
using EFCore.DynamoDb.Infrastructure;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Configures the DynamoDB provider for a context; passed to the callback of <c>UseDynamoDb</c>.</summary>
public class DynamoDbDbContextOptionsBuilder
{
    private readonly DbContextOptionsBuilder _optionsBuilder;

    /// <summary>Creates a builder over the given context options builder.</summary>
    public DynamoDbDbContextOptionsBuilder(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        _optionsBuilder = optionsBuilder;
    }

    /// <summary>
    /// The endpoint of any DynamoDB-compatible service (DynamoDB Local, LocalStack, ScyllaDB Alternator).
    /// Without it the AWS SDK's default endpoint resolution applies, including <c>AWS_ENDPOINT_URL_DYNAMODB</c>.
    /// </summary>
    public virtual DynamoDbDbContextOptionsBuilder ServiceUrl(string serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
        {
            throw new ArgumentException(DynamoDbStrings.InvalidServiceUrl(serviceUrl), nameof(serviceUrl));
        }

        return With(e => e.WithServiceUrl(serviceUrl));
    }

    /// <summary>The AWS region system name, such as <c>eu-west-1</c>. Without it the SDK's default region chain applies.</summary>
    public virtual DynamoDbDbContextOptionsBuilder Region(string region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        return With(e => e.WithRegion(region));
    }

    /// <summary>The credentials to sign requests with. Without them the SDK's default credential chain applies.</summary>
    public virtual DynamoDbDbContextOptionsBuilder Credentials(AWSCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return With(e => e.WithCredentials(credentials));
    }

    /// <summary>A prefix prepended to every table name this context addresses, such as <c>test-</c>.</summary>
    public virtual DynamoDbDbContextOptionsBuilder TableNamePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return With(e => e.WithTableNamePrefix(prefix));
    }

    /// <summary>Makes strongly consistent reads the default for every read of this context (off by default).</summary>
    public virtual DynamoDbDbContextOptionsBuilder ConsistentReads(bool consistentReads = true)
        => With(e => e.WithConsistentReads(consistentReads));

    /// <summary>
    /// Encrypts and authenticates <c>ToPageAsync</c> continuation tokens with this key (at least 16 bytes; keep it secret,
    /// the same in every instance of the application): tokens handed to browsers then reveal no keys and cannot be
    /// forged. Without it, tokens are only checksummed: anyone can read the item key they carry.
    /// </summary>
    public virtual DynamoDbDbContextOptionsBuilder ContinuationTokenKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 16)
        {
            throw new ArgumentException(DynamoDbStrings.ContinuationTokenKeyTooShort, nameof(key));
        }

        return With(e => e.WithContinuationTokenKey([.. key]));
    }

    /// <summary>What happens when a query needs a full-table <c>Scan</c>: allow, warn (default) or throw.</summary>
    public virtual DynamoDbDbContextOptionsBuilder ScanBehavior(DynamoDbScanBehavior behavior)
    {
        if (!Enum.IsDefined(behavior))
        {
            throw new ArgumentOutOfRangeException(nameof(behavior));
        }

        return With(e => e.WithScanBehavior(behavior));
    }

    /// <summary>
    /// Adjusts the AWS SDK client configuration (timeouts, retries, proxy). Runs after the provider's defaults.
    /// One client is created and shared per distinct configuration.
    /// </summary>
    public virtual DynamoDbDbContextOptionsBuilder ConfigureClient(Action<AmazonDynamoDBConfig> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return With(e => e.WithConfigureClient(configure));
    }

    /// <summary>
    /// Lets <c>WithReadRateLimit</c> pace reads by an estimate from the sizes of the items returned when the endpoint
    /// reports no consumed capacity (some DynamoDB-compatible stores do not); without this, such a read is refused.
    /// </summary>
    public virtual DynamoDbDbContextOptionsBuilder AllowRateLimitWithoutConsumedCapacity()
        => With(e => e.WithRateLimitWithoutConsumedCapacity());

    /// <summary>
    /// How many write requests a SaveChanges under <c>AutoTransactionBehavior.Never</c> keeps in flight at once
    /// (<c>BatchWriteItem</c> and single conditional writes; default 4).
    /// </summary>
    public virtual DynamoDbDbContextOptionsBuilder MaxWriteConcurrency(int concurrency)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concurrency);
        return With(e => e.WithMaxWriteConcurrency(concurrency));
    }

    /// <summary>
    /// Retries a SaveChanges or a query page that DynamoDB refused without applying it (throttling, request limits,
    /// transaction conflicts), up to <paramref name="maxRetryCount"/> times with exponential backoff.
    /// </summary>
    public virtual DynamoDbDbContextOptionsBuilder EnableRetryOnFailure(int maxRetryCount = 6, TimeSpan? maxRetryDelay = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetryCount);
        var delay = maxRetryDelay ?? TimeSpan.FromSeconds(30);
        return With(e => e.WithExecutionStrategy(d => new DynamoDbRetryingExecutionStrategy(d, maxRetryCount, delay)));
    }

    /// <summary>Uses a custom execution strategy for saves and query pages.</summary>
    public virtual DynamoDbDbContextOptionsBuilder ExecutionStrategy(Func<Microsoft.EntityFrameworkCore.Storage.ExecutionStrategyDependencies, Microsoft.EntityFrameworkCore.Storage.IExecutionStrategy> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return With(e => e.WithExecutionStrategy(factory));
    }

    private DynamoDbDbContextOptionsBuilder With(Func<DynamoDbOptionsExtension, DynamoDbOptionsExtension> change)
    {
        var extension = _optionsBuilder.Options.FindExtension<DynamoDbOptionsExtension>() ?? new DynamoDbOptionsExtension();
        ((IDbContextOptionsBuilderInfrastructure)_optionsBuilder).AddOrUpdateExtension(change(extension));
        return this;
    }
}
