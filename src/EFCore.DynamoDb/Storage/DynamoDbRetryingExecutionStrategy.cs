using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Microsoft.EntityFrameworkCore.Storage;

namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// An execution strategy that retries a SaveChanges or a query page when DynamoDB refused it without applying it:
/// throttling, request limits, and transactions cancelled by conflicts. Failures whose outcome is unknown (timeouts,
/// 5xx) are not retried here, so a write can never be applied twice; the AWS SDK's own retries still apply.
/// Enabled with <c>UseDynamoDb(d => d.EnableRetryOnFailure())</c>.
/// </summary>
public class DynamoDbRetryingExecutionStrategy : ExecutionStrategy
{
    private static readonly HashSet<string> RefusedCodes =
        ["ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded", "LimitExceededException"];

    private static readonly HashSet<string> TransientCancellations =
        ["TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded", "RequestLimitExceeded"];

    /// <summary>Creates the strategy.</summary>
    public DynamoDbRetryingExecutionStrategy(ExecutionStrategyDependencies dependencies, int maxRetryCount, TimeSpan maxRetryDelay)
        : base(dependencies, maxRetryCount, maxRetryDelay)
    {
    }

    /// <inheritdoc />
    protected override bool ShouldRetryOn(Exception exception)
        => exception switch
        {
            DbUpdateException { InnerException: { } inner } => ShouldRetryOn(inner),
            TransactionCanceledException canceled => canceled.CancellationReasons is { Count: > 0 } reasons
                && reasons.Any(r => r.Code is { } code && TransientCancellations.Contains(code))
                && reasons.All(r => r.Code is null or "None" || TransientCancellations.Contains(r.Code)),
            AmazonServiceException service => service.ErrorCode is { } errorCode && RefusedCodes.Contains(errorCode),
            _ => false,
        };
}
