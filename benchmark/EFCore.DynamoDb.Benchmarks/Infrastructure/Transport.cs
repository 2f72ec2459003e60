namespace EFCore.DynamoDb.Benchmarks.Infrastructure;

/// <summary>How the AWS SDK clients of a run reach DynamoDB; every implementation of a run uses the same one.</summary>
public enum Transport
{
    /// <summary>HTTP to DynamoDB Local on 127.0.0.1: end-to-end latency, server time included.</summary>
    DynamoDbLocal,

    /// <summary>
    /// An in-process HTTP handler that answers with responses recorded from DynamoDB Local during setup:
    /// client-side CPU and allocations only.
    /// </summary>
    InProcess,
}
