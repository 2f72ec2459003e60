using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// The state of one <c>ToPageAsync</c> call, passed into the query as a parameter: the page size and the token to
/// start after (in), the token of the next page when more may follow (out). Tokens are read and written by the
/// query, with the context's token key.
/// </summary>
internal sealed class DynamoDbPageRequest(int pageSize, string? startToken)
{
    public int PageSize { get; } = pageSize;

    /// <summary>The token this page continues from, or null for the first page.</summary>
    public string? StartToken { get; } = startToken;

    /// <summary>The token of the next page; null at the end.</summary>
    public string? NextToken { get; set; }

    /// <summary>The fingerprint of the query as executed, to bind the next token to it.</summary>
    public string? QueryFingerprint { get; set; }

    /// <summary>The key of the last item returned when more results may follow; null at the end.</summary>
    public Dictionary<string, AttributeValue>? LastKey { get; set; }
}
