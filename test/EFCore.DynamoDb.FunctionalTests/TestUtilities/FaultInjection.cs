using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;

namespace EFCore.DynamoDb.FunctionalTests.TestUtilities;

/// <summary>What the fault-injecting transport does to one request.</summary>
public enum Fault
{
    None,

    /// <summary>Answer 400 ProvisionedThroughputExceededException without sending the request.</summary>
    Throttle,

    /// <summary>Answer 500 InternalServerError without sending the request.</summary>
    ServerError,

    /// <summary>Send the request, then answer 500 as if the response were lost.</summary>
    LoseResponse,

    /// <summary>
    /// BatchWriteItem and BatchGetItem: send half of each table's writes or keys and report the rest as
    /// UnprocessedItems or UnprocessedKeys.
    /// </summary>
    ProcessHalf,

    /// <summary>Send the request, and answer without the ConsumedCapacity DynamoDB reported (as some compatible stores do).</summary>
    DropConsumedCapacity,

    /// <summary>TransactWriteItems only: answer TransactionCanceledException with TransactionConflict reasons, without sending.</summary>
    TransactionConflict,
}

/// <summary>
/// An HTTP transport for the AWS SDK client that answers some requests with faults DynamoDB Local never produces
/// (throttling, 5xx, lost responses, unprocessed items, transaction conflicts), per operation and call number.
/// </summary>
public sealed class FaultInjectingHttpClientFactory(Func<string, int, Fault> decide, bool recordBodies = false) : HttpClientFactory
{
    /// <summary>The request bodies sent, when recording was asked for.</summary>
    public ConcurrentQueue<string> Bodies { get; } = new();

    /// <summary>The requests sent (operation and body), in order, when recording was asked for.</summary>
    public ConcurrentQueue<(string Operation, string Body)> Requests { get; } = new();

    /// <summary>The HTTP headers of the recorded requests, in order.</summary>
    public ConcurrentQueue<HttpRequestHeaders> Headers { get; } = new();

    /// <summary>The operations of the recorded requests, in order.</summary>
    public IReadOnlyList<string> Operations => Requests.Select(r => r.Operation).ToList();

    /// <summary>Forgets what was recorded so far.</summary>
    public void Clear() => Requests.Clear();

    private readonly ConcurrentDictionary<string, int> _calls = new();
    private readonly Func<string, int, Fault> _decide = decide;
    private readonly bool _recordBodies = recordBodies;

    /// <summary>How many requests of each operation reached the transport (retries included).</summary>
    public IReadOnlyDictionary<string, int> Calls => _calls;

    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
        => new(new Handler(this) { InnerHandler = new HttpClientHandler() }) { Timeout = TimeSpan.FromSeconds(30) };

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    private sealed class Handler(FaultInjectingHttpClientFactory factory) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var operation = request.Headers.TryGetValues("X-Amz-Target", out var targets) ? targets.First().Split('.').Last() : "";
            var call = factory._calls.AddOrUpdate(operation, 1, (_, n) => n + 1);
            if (factory._recordBodies && request.Content != null)
            {
                var body = await request.Content.ReadAsStringAsync(cancellationToken);
                factory.Bodies.Enqueue(body);
                factory.Requests.Enqueue((operation, body));
                factory.Headers.Enqueue(request.Headers);
            }

            switch (factory._decide(operation, call))
            {
                case Fault.Throttle:
                    return Error(HttpStatusCode.BadRequest, "ProvisionedThroughputExceededException", "Injected throttling");
                case Fault.ServerError:
                    return Error(HttpStatusCode.InternalServerError, "InternalServerError", "Injected server error");
                case Fault.LoseResponse:
                    (await base.SendAsync(request, cancellationToken)).Dispose();
                    return Error(HttpStatusCode.InternalServerError, "InternalServerError", "Injected lost response");
                case Fault.TransactionConflict:
                    var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!;
                    var reasons = new JsonArray(body["TransactItems"]!.AsArray().Select((_, i) => (JsonNode)new JsonObject
                    {
                        ["Code"] = i == 0 ? "TransactionConflict" : "None",
                    }).ToArray());
                    return Json(HttpStatusCode.BadRequest, new JsonObject
                    {
                        ["__type"] = "com.amazonaws.dynamodb.v20120810#TransactionCanceledException",
                        ["message"] = "Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict]",
                        ["CancellationReasons"] = reasons,
                    });
                case Fault.DropConsumedCapacity:
                    using (var response = await base.SendAsync(request, cancellationToken))
                    {
                        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
                        answer.Remove("ConsumedCapacity");
                        return Json(response.StatusCode, answer);
                    }

                case Fault.ProcessHalf:
                    return await ProcessHalfAsync(request, isRead: operation == "BatchGetItem", cancellationToken);
                default:
                    return await base.SendAsync(request, cancellationToken);
            }
        }

        private async Task<HttpResponseMessage> ProcessHalfAsync(HttpRequestMessage request, bool isRead, CancellationToken cancellationToken)
        {
            // BatchWriteItem lists each table's writes; BatchGetItem each table's keys, with the read's other options.
            var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!.AsObject();
            var unprocessed = new JsonObject();
            foreach (var (table, requested) in body["RequestItems"]!.AsObject().ToList())
            {
                var all = (isRead ? requested!["Keys"]! : requested!).AsArray().Select(w => w!.DeepClone()).ToList();
                var kept = new JsonArray(all.Take((all.Count + 1) / 2).ToArray());
                var rest = new JsonArray(all.Skip(kept.Count).ToArray());
                if (rest.Count > 0)
                {
                    unprocessed[table] = isRead ? WithKeys(requested!, rest) : rest;
                }

                body["RequestItems"]![table] = isRead ? WithKeys(requested!, kept) : kept;
            }

            var forwarded = new HttpRequestMessage(request.Method, request.RequestUri) { Content = Content(body.ToJsonString()) };
            foreach (var header in request.Headers)
            {
                forwarded.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            using var response = await base.SendAsync(forwarded, cancellationToken);
            var result = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                result[isRead ? "UnprocessedKeys" : "UnprocessedItems"] = unprocessed;
            }

            return Json(response.StatusCode, result);
        }

        private static JsonObject WithKeys(JsonNode read, JsonArray keys)
        {
            var copy = read.DeepClone().AsObject();
            copy["Keys"] = keys;
            return copy;
        }

        private static HttpResponseMessage Error(HttpStatusCode status, string type, string message)
            => Json(status, new JsonObject { ["__type"] = "com.amazonaws.dynamodb.v20120810#" + type, ["message"] = message });

        private static HttpResponseMessage Json(HttpStatusCode status, JsonNode body)
            => new(status) { Content = Content(body.ToJsonString()) };

        private static ByteArrayContent Content(string json)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
            return content;
        }
    }
}
