namespace EFCore.DynamoDb.Benchmarks.Infrastructure;

/// <summary>One HTTP response of DynamoDB Local, kept to be answered again in process.</summary>
public sealed class RecordedResponse
{
    private readonly System.Net.HttpStatusCode _status;
    private readonly KeyValuePair<string, string[]>[] _headers;
    private readonly KeyValuePair<string, string[]>[] _contentHeaders;
    private readonly byte[] _body;

    private RecordedResponse(HttpResponseMessage response, byte[] body)
    {
        _status = response.StatusCode;
        _headers = response.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.ToArray())).ToArray();
        // Content-Length follows from the body.
        _contentHeaders = response.Content.Headers.Where(h => h.Key != "Content-Length")
            .Select(h => KeyValuePair.Create(h.Key, h.Value.ToArray())).ToArray();
        _body = body;
    }

    public static async Task<RecordedResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        => new(response, await response.Content.ReadAsByteArrayAsync(cancellationToken));

    /// <summary>A new response message with the recorded status, headers (the CRC32 header too) and body.</summary>
    public HttpResponseMessage ToResponse(HttpRequestMessage request)
    {
        var response = new HttpResponseMessage(_status) { RequestMessage = request, Content = new ByteArrayContent(_body) };
        foreach (var (name, values) in _headers)
        {
            response.Headers.TryAddWithoutValidation(name, values);
        }

        foreach (var (name, values) in _contentHeaders)
        {
            response.Content.Headers.TryAddWithoutValidation(name, values);
        }

        return response;
    }
}
