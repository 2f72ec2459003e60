namespace Microsoft.EntityFrameworkCore;

/// <summary>What the provider does when a query can only be answered by a full-table <c>Scan</c>.</summary>
public enum DynamoDbScanBehavior
{
    /// <summary>Scans run silently.</summary>
    Allow,

    /// <summary>Scans run and log a warning naming the query (the default).</summary>
    Warn,

    /// <summary>Scans are refused with an exception unless the query opts in with <c>AllowScan()</c>.</summary>
    Throw,
}
