using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// The state of one <c>ToPageAsync</c> call, passed into the query as a parameter: the page size and where to start
/// (in), and the key of the last item returned when more may follow (out).
/// </summary>
internal sealed class DynamoDbPageRequest(int pageSize, DynamoDbContinuationToken? start)
{
    public int PageSize { get; } = pageSize;

    /// <summary>The decoded token this page continues from, or null for the first page.</summary>
    public DynamoDbContinuationToken? Start { get; } = start;

    /// <summary>The fingerprint of the query as executed, to bind the next token to it.</summary>
    public string? QueryFingerprint { get; set; }

    /// <summary>The key of the last item returned when more results may follow; null at the end.</summary>
    public Dictionary<string, AttributeValue>? LastKey { get; set; }
}
