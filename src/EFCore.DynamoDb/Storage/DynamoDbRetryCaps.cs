namespace EFCore.DynamoDb.Storage;

/// <summary>
/// How often the provider itself resends what DynamoDB did not do, in one place (the AWS SDK's own retries of
/// throttling and 5xx come first; the delays are <see cref="DynamoDbBackoff"/>'s).
/// </summary>
internal static class DynamoDbRetryCaps
{
    /// <summary>Attempts at writing a <c>BatchWriteItem</c>'s <c>UnprocessedItems</c> before the save reports them as not written.</summary>
    public const int UnprocessedWriteAttempts = 10;

    /// <summary>Resends of a <c>BatchGetItem</c>'s <c>UnprocessedKeys</c> before the read fails.</summary>
    public const int UnprocessedKeyResends = 8;

    /// <summary>Attempts at a transaction cancelled by conflicts or throttling.</summary>
    public const int TransactionAttempts = 5;

    /// <summary>Consecutive throttled pages after which a rate-limited read gives up.</summary>
    public const int RateLimitedReadThrottles = 6;

    /// <summary>Quick attempts at connecting to an endpoint before it is reported unreachable.</summary>
    public const int ConnectAttempts = 2;
}
