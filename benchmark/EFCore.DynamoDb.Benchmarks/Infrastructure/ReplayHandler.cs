using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;

namespace EFCore.DynamoDb.Benchmarks.Infrastructure;

/// <summary>
/// The in-process transport. While recording, sends each request on to DynamoDB Local and keeps the successful
/// response under the request's operation (<c>X-Amz-Target</c>) and shape (the names of the top-level members of
/// its JSON body, in order); afterwards answers every request from what was kept, without any I/O.
/// </summary>
public sealed class ReplayHandler : HttpMessageHandler
{
    private readonly HttpMessageInvoker _network = new(new SocketsHttpHandler());
    private readonly ConcurrentDictionary<(string Operation, ulong Shape), RecordedResponse> _responses = new();

    public bool Recording { get; private set; } = true;

    /// <summary>Ends recording: from now on every request is answered in process.</summary>
    public void StopRecording()
    {
        Recording = false;
        _network.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _network.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = request.Headers.NonValidated.TryGetValues("X-Amz-Target", out var target) ? target.ToString() : "";
        if (Recording)
        {
            return await RecordAsync(request, operation, cancellationToken);
        }

        var shape = await ShapeAsync(request.Content, cancellationToken);
        return _responses.TryGetValue((operation, shape), out var response)
            ? response.ToResponse(request)
            : throw new InvalidOperationException(
                $"No response was recorded for a {operation} request of this shape; the workload sent a request during measurement that it did not send during setup.");
    }

    private async Task<HttpResponseMessage> RecordAsync(HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        // Read the body once, then send a copy: the SDK's content might not be readable twice.
        var body = request.Content == null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        using var forward = new HttpRequestMessage(request.Method, request.RequestUri);
        foreach (var header in request.Headers)
        {
            forward.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (request.Content != null)
        {
            forward.Content = new ByteArrayContent(body);
            foreach (var header in request.Content.Headers)
            {
                forward.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        using var response = await _network.SendAsync(forward, cancellationToken);
        var recorded = await RecordedResponse.ReadAsync(response, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            _responses[(operation, Shape(body))] = recorded;
        }

        return recorded.ToResponse(request);
    }

    /// <summary>Reads the body into a pooled buffer (as a socket handler would send it) and returns its shape.</summary>
    private static async ValueTask<ulong> ShapeAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content?.Headers.ContentLength is not { } length)
        {
            return content == null ? Shape([]) : Shape(await content.ReadAsByteArrayAsync(cancellationToken));
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            using var stream = new MemoryStream(buffer, 0, (int)length, writable: true);
            await content.CopyToAsync(stream, cancellationToken);
            return Shape(buffer.AsSpan(0, (int)stream.Position));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>FNV-1a over the names of the top-level members of a JSON object, in order.</summary>
    private static ulong Shape(ReadOnlySpan<byte> json)
    {
        var hash = 14695981039346656037UL;
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
            {
                foreach (var b in reader.ValueSpan)
                {
                    hash = (hash ^ b) * 1099511628211UL;
                }

                hash = (hash ^ '|') * 1099511628211UL;
                reader.Read();
                reader.Skip(); // the member's value, however deep
            }
        }

        return hash;
    }
}
