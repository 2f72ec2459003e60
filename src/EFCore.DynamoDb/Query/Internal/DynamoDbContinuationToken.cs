using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// A continuation token: the key to start after, bound to the query it came from by a fingerprint of that query's
/// request (operation, table, expressions and values), and protected by a checksum, so a tampered token or one from
/// another query is refused. Opaque to users: base64url text.
/// </summary>
internal sealed class DynamoDbContinuationToken(string queryFingerprint, Dictionary<string, AttributeValue> startKey)
{
    private const int Version = 1;
    private static readonly byte[] ChecksumSalt = "EFCore.DynamoDb continuation token"u8.ToArray();

    public string QueryFingerprint { get; } = queryFingerprint;

    public Dictionary<string, AttributeValue> StartKey { get; } = startKey;

    /// <summary>The fingerprint of a read request: what it reads, whatever page it starts at or how many items it evaluates.</summary>
    public static string Fingerprint(AmazonDynamoDBRequest request)
    {
        var text = DynamoDbRequestPrinter.Print(request, includeValues: true);
        var withoutLimit = string.Join('\n', text.Split('\n').Where(line => !line.TrimStart().StartsWith("Limit:", StringComparison.Ordinal)));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(withoutLimit)))[..32];
    }

    public string Encode()
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Payload(
            Version,
            QueryFingerprint,
            StartKey.ToDictionary(k => k.Key, k => KeyValue.From(k.Value))));
        return Base64Url(payload) + "." + Base64Url(Checksum(payload));
    }

    /// <exception cref="ArgumentException">The token is not one this provider issued, or it was changed.</exception>
    public static DynamoDbContinuationToken Decode(string token)
    {
        try
        {
            var parts = token.Split('.');
            if (parts.Length == 2)
            {
                var payload = FromBase64Url(parts[0]);
                if (CryptographicOperations.FixedTimeEquals(Checksum(payload), FromBase64Url(parts[1]))
                    && JsonSerializer.Deserialize<Payload>(payload) is { V: Version, Q: { } fingerprint, K: { Count: > 0 } key }
                    && key.Values.All(v => v != null))
                {
                    return new DynamoDbContinuationToken(fingerprint, key.ToDictionary(k => k.Key, k => k.Value.ToAttributeValue()));
                }
            }
        }
        catch (Exception exception) when (exception is FormatException or JsonException or InvalidOperationException)
        {
            throw new ArgumentException(DynamoDbStrings.InvalidContinuationToken, nameof(token), exception);
        }

        throw new ArgumentException(DynamoDbStrings.InvalidContinuationToken, nameof(token));
    }

    private static byte[] Checksum(byte[] payload) => SHA256.HashData([.. ChecksumSalt, .. payload])[..16];

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64 + new string('=', (4 - base64.Length % 4) % 4));
    }

    private sealed record Payload(int V, string Q, Dictionary<string, KeyValue> K);

    /// <summary>A key attribute: keys are strings, numbers or binary.</summary>
    private sealed record KeyValue(string? S, string? N, string? B)
    {
        public static KeyValue From(AttributeValue value)
            => new(value.S, value.N, value.B == null ? null : Convert.ToBase64String(value.B.ToArray()));

        public AttributeValue ToAttributeValue()
            => S != null ? new AttributeValue { S = S }
                : N != null ? new AttributeValue { N = N }
                : B != null ? new AttributeValue { B = new MemoryStream(Convert.FromBase64String(B)) }
                : throw new InvalidOperationException();
    }
}
