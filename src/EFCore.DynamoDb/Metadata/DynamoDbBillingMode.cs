namespace Microsoft.EntityFrameworkCore;

/// <summary>How a DynamoDB table is billed for reads and writes.</summary>
public enum DynamoDbBillingMode
{
    /// <summary>On demand: pay per request, no capacity to plan (the default).</summary>
    PayPerRequest,

    /// <summary>Provisioned read and write capacity units, set with <c>HasProvisionedThroughput</c>.</summary>
    Provisioned,
}
