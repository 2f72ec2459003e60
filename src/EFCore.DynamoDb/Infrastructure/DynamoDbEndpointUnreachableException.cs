using EFCore.DynamoDb.Properties;

namespace EFCore.DynamoDb.Infrastructure;

/// <summary>
/// No connection could be made to the DynamoDB endpoint after a few quick attempts, or a request got no answer within
/// the client's timeout: not retried further by the AWS SDK, so a dead endpoint fails in seconds and a hung one after
/// one timeout. The provider reports it naming the operation, table and endpoint.
/// </summary>
internal sealed class DynamoDbEndpointUnreachableException : InvalidOperationException
{
    /// <summary>No connection could be made, for <paramref name="reason"/>.</summary>
    public DynamoDbEndpointUnreachableException(string reason, Exception? inner)
        : base(DynamoDbStrings.ConnectionFailed(reason), inner)
    {
    }

    /// <summary>A timeout, reported without the cancellation behind it: the AWS SDK would retry one it finds inside.</summary>
    public DynamoDbEndpointUnreachableException(TimeSpan timeout)
        : base(DynamoDbStrings.NoAnswer(timeout))
    {
    }
}
