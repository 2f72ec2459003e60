using Amazon.Runtime;

namespace Microsoft.EntityFrameworkCore.Diagnostics;

/// <summary>A request DynamoDB answered successfully, with its response, duration and consumed capacity.</summary>
public class DynamoDbRequestSucceededEventData : DynamoDbRequestEventData
{
    /// <summary>Creates the event data of a request that succeeded.</summary>
    public DynamoDbRequestSucceededEventData(
        DynamoDbRequestEventData sending, AmazonWebServiceResponse response, TimeSpan duration, double? consumedCapacity)
        : base(sending.Context, sending.Operation, sending.TableNames, sending.IndexName, sending.RequestId, sending.Request)
    {
        Response = response;
        Duration = duration;
        ConsumedCapacity = consumedCapacity;
    }

    /// <summary>The AWS SDK response.</summary>
    public AmazonWebServiceResponse Response { get; }

    /// <summary>How long the request took, the AWS SDK's own retries included.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The capacity units the request consumed, when DynamoDB reported them (they are asked for when logged).</summary>
    public double? ConsumedCapacity { get; }

    /// <summary>DynamoDB's id of the request (<c>x-amzn-RequestId</c>), for AWS support.</summary>
    public string? AwsRequestId => Response.ResponseMetadata?.RequestId;
}
