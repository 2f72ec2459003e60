namespace Microsoft.EntityFrameworkCore;

/// <summary>How <c>ExportItemsAsync</c> scans the table: in parallel segments, at a read rate, consistently.</summary>
public sealed class DynamoDbExportOptions
{
    /// <summary>The segments scanned at once (DynamoDB's parallel scan); 1, the default, scans in one sequence of pages.</summary>
    public int TotalSegments { get; init; } = 1;

    /// <summary>How many segments are read at a time; null for all of them, up to 16.</summary>
    public int? MaxConcurrency { get; init; }

    /// <summary>The read capacity units per second the export may consume (as <c>WithReadRateLimit</c>); null for no limit.</summary>
    public double? ReadCapacityUnitsPerSecond { get; init; }

    /// <summary>How long a rate-limited export may run before it stops with a <see cref="TimeoutException"/>.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Whether the scan reads with strong consistency.</summary>
    public bool ConsistentRead { get; init; }
}
