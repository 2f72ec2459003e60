using Amazon.Runtime;

namespace Microsoft.EntityFrameworkCore.Diagnostics;

/// <summary>A request that failed, with the exception the caller gets.</summary>
public class DynamoDbRequestFailedEventData : DynamoDbRequestEventData
{
    /// <summary>Creates the event data of a request that failed.</summary>
    public DynamoDbRequestFailedEventData(DynamoDbRequestEventData sending, Exception exception, TimeSpan duration)
        : base(sending.Context, sending.Operation, sending.TableNames, sending.IndexName, sending.RequestId, sending.Request)
    {
        Exception = exception;
        Duration = duration;
    }

    /// <summary>What went wrong.</summary>
    public Exception Exception { get; }

    /// <summary>How long the request took before it failed, the AWS SDK's own retries included.</summary>
    public TimeSpan Duration { get; }

    /// <summary>DynamoDB's error code (such as <c>ConditionalCheckFailedException</c>), or null when DynamoDB did not answer.</summary>
    public string? ErrorCode => (Exception as AmazonServiceException)?.ErrorCode ?? (Exception.InnerException as AmazonServiceException)?.ErrorCode;

    /// <summary>DynamoDB's id of the request, when it answered.</summary>
    public string? AwsRequestId => (Exception as AmazonServiceException)?.RequestId;
}
