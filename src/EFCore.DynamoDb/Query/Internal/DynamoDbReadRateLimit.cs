namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// The read capacity a <c>Scan</c> or <c>Query</c> may consume per second (<c>WithReadRateLimit</c>), and how long it may
/// take in all (null: no limit).
/// </summary>
internal sealed record DynamoDbReadRateLimit(double UnitsPerSecond, TimeSpan? Timeout);
