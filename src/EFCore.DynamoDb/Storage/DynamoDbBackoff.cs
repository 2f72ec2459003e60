namespace EFCore.DynamoDb.Storage;

/// <summary>The delays between retries the provider makes itself (unprocessed items and keys, cancelled transactions).</summary>
internal static class DynamoDbBackoff
{
    /// <summary>Exponential backoff with full jitter: up to 50 ms, 100 ms, 200 ms, … capped at 5 s.</summary>
    public static TimeSpan Delay(int attempt)
        => TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Min(5000, 50 * Math.Pow(2, attempt)));
}
