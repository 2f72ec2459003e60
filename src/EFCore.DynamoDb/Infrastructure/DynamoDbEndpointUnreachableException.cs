using EFCore.DynamoDb.Properties;

namespace EFCore.DynamoDb.Infrastructure;

/// <summary>
/// No connection could be made to the DynamoDB endpoint after a few quick attempts: not retried further by the AWS
/// SDK, so a dead endpoint fails in seconds. The provider reports it naming the operation, table and endpoint.
/// </summary>
internal sealed class DynamoDbEndpointUnreachableException(HttpRequestException inner)
    : InvalidOperationException(DynamoDbStrings.ConnectionFailed(inner.Message), inner);
