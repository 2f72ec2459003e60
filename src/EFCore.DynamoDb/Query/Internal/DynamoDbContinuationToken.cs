using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// A continuation token: the key to start after, bound to the query it came from by a fingerprint of that query's
/// request (operation, table, expressions and values), and protected by a checksum, so a tampered token or one from
/// another query is refused; with the application's key (<c>ContinuationTokenKey</c>), encrypted and authenticated
/// (AES-GCM), or else with the application's ASP.NET Core Data Protection when it has it, so it reveals nothing and
/// cannot be forged. Base64url text either way.
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

    /// <summary>
    /// The token as text: encrypted and authenticated with <paramref name="key"/> (AES-GCM) when the application gave
    /// one, else checksummed only (the key it carries is readable).
    /// </summary>
    public string Encode(byte[]? key, IDataProtector? protector = null)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Payload(
            Version,
            QueryFingerprint,
            StartKey.ToDictionary(k => k.Key, k => KeyValue.From(k.Value))));
        if (key == null)
        {
            return protector == null
                ? Base64Url(payload) + "." + Base64Url(Checksum(payload))
                : DataProtectedPrefix + Base64Url(protector.Protect(payload));
        }

        var sealedPayload = new byte[NonceSize + payload.Length + TagSize];
        var nonce = sealedPayload.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(DeriveKey(key), TagSize);
        aes.Encrypt(nonce, payload, sealedPayload.AsSpan(NonceSize, payload.Length), sealedPayload.AsSpan(NonceSize + payload.Length));
        return ProtectedPrefix + Base64Url(sealedPayload);
    }

    /// <exception cref="ArgumentException">The token is not one this provider issued with this key, or it was changed.</exception>
    public static DynamoDbContinuationToken Decode(string token, byte[]? key, IDataProtector? protector = null)
    {
        try
        {
            if (Unseal(token, key, protector) is { } payload
                && JsonSerializer.Deserialize<Payload>(payload) is { V: Version, Q: { } fingerprint, K: { Count: > 0 } startKey }
                && startKey.Values.All(v => v != null))
            {
                return new DynamoDbContinuationToken(fingerprint, startKey.ToDictionary(k => k.Key, k => k.Value.ToAttributeValue()));
            }
        }
        catch (Exception exception) when (exception is FormatException or JsonException or InvalidOperationException or CryptographicException)
        {
            throw new ArgumentException(DynamoDbStrings.InvalidContinuationToken, nameof(token), exception);
        }

        throw new ArgumentException(DynamoDbStrings.InvalidContinuationToken, nameof(token));
    }

    /// <summary>The payload of a token, or null when it is not one of this key's (or of no key's) tokens.</summary>
    private static byte[]? Unseal(string token, byte[]? key, IDataProtector? protector)
    {
        if (key == null && protector != null)
        {
            return token.StartsWith(DataProtectedPrefix, StringComparison.Ordinal)
                ? protector.Unprotect(FromBase64Url(token[DataProtectedPrefix.Length..]))
                : null;
        }

        if (key == null)
        {
            var parts = token.Split('.');
            return parts.Length == 2 && FromBase64Url(parts[0]) is var payload && CryptographicOperations.FixedTimeEquals(Checksum(payload), FromBase64Url(parts[1]))
                ? payload
                : null;
        }

        if (!token.StartsWith(ProtectedPrefix, StringComparison.Ordinal)
            || FromBase64Url(token[ProtectedPrefix.Length..]) is not { Length: > NonceSize + TagSize } sealedPayload)
        {
            return null;
        }

        var plain = new byte[sealedPayload.Length - NonceSize - TagSize];
        using var aes = new AesGcm(DeriveKey(key), TagSize);
        aes.Decrypt(sealedPayload.AsSpan(0, NonceSize), sealedPayload.AsSpan(NonceSize, plain.Length), sealedPayload.AsSpan(NonceSize + plain.Length), plain);
        return plain;
    }

    private const string ProtectedPrefix = "p.";
    private const string DataProtectedPrefix = "d.";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>The AES key of the tokens, derived from the application's key for this use only.</summary>
    private static byte[] DeriveKey(byte[] key) => HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: ChecksumSalt);

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
