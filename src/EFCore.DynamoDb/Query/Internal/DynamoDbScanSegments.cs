namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// The segments of a <c>Scan</c>: all <see cref="TotalSegments"/> of them read concurrently, at most
/// <see cref="MaxConcurrency"/> at a time (<c>WithParallelScan</c>), or the one <see cref="Segment"/>
/// (<c>WithScanSegment</c>).
/// </summary>
internal sealed record DynamoDbScanSegments(int TotalSegments, int? Segment, int MaxConcurrency)
{
    /// <summary>How many segments a parallel scan reads at a time unless told.</summary>
    public const int DefaultMaxConcurrency = 16;

    /// <summary>The segment numbers this read covers.</summary>
    public IEnumerable<int> Segments => Segment is { } one ? [one] : Enumerable.Range(0, TotalSegments);
}
