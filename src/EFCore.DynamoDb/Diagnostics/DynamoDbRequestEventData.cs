using Amazon.DynamoDBv2;

namespace Microsoft.EntityFrameworkCore.Diagnostics;

/// <summary>A request the DynamoDB provider sends, as an <see cref="IDynamoDbRequestInterceptor"/> sees it.</summary>
public class DynamoDbRequestEventData
{
    /// <summary>Creates the event data of a request about to be sent.</summary>
    public DynamoDbRequestEventData(
        DbContext? context, string operation, IReadOnlyList<string> tableNames, string? indexName, Guid requestId, AmazonDynamoDBRequest request)
    {
        Context = context;
        Operation = operation;
        TableNames = tableNames;
        IndexName = indexName;
        RequestId = requestId;
        Request = request;
    }

    /// <summary>The context the request is sent for.</summary>
    public DbContext? Context { get; }

    /// <summary>The DynamoDB operation, such as <c>Query</c> or <c>TransactWriteItems</c>.</summary>
    public string Operation { get; }

    /// <summary>The tables the request addresses, with the context's prefix (none for <c>ListTables</c>).</summary>
    public IReadOnlyList<string> TableNames { get; }

    /// <summary>The secondary index a <c>Query</c> or <c>Scan</c> reads, or null.</summary>
    public string? IndexName { get; }

    /// <summary>Identifies this request in its sending, succeeded and failed events.</summary>
    public Guid RequestId { get; }

    /// <summary>The AWS SDK request; changes made while it is being sent go out with it.</summary>
    public AmazonDynamoDBRequest Request { get; }
}
