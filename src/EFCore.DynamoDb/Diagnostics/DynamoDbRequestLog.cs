using Amazon.DynamoDBv2;

namespace EFCore.DynamoDb.Diagnostics;

/// <summary>What is logged of one request sent to DynamoDB.</summary>
internal sealed record DynamoDbRequestLog(
    string Operation,
    string TableName,
    AmazonDynamoDBRequest Request,
    TimeSpan Elapsed,
    double? ConsumedCapacity,
    string? ErrorCode = null);
