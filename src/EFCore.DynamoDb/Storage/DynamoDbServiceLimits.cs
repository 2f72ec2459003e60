namespace EFCore.DynamoDb.Storage;

/// <summary>DynamoDB's own limits that the provider plans around or checks before sending, in one place.</summary>
internal static class DynamoDbServiceLimits
{
    /// <summary>Writes in one <c>BatchWriteItem</c>.</summary>
    public const int BatchWriteItems = 25;

    /// <summary>Keys in one <c>BatchGetItem</c>.</summary>
    public const int BatchGetKeys = 100;

    /// <summary>Writes in one <c>TransactWriteItems</c>.</summary>
    public const int TransactionItems = 100;

    /// <summary>The size of an item.</summary>
    public const int ItemBytes = 400 * 1024;

    /// <summary>The size of the items of one transaction.</summary>
    public const int TransactionBytes = 4 * 1024 * 1024;

    /// <summary>A partition key's value, in bytes (UTF-8 for strings).</summary>
    public const int PartitionKeyBytes = 2048;

    /// <summary>A sort key's value, in bytes (UTF-8 for strings).</summary>
    public const int SortKeyBytes = 1024;

    /// <summary>The name of a key attribute, in bytes.</summary>
    public const int KeyAttributeNameBytes = 255;

    /// <summary>Operands of one <c>IN</c> comparison.</summary>
    public const int InOperands = 100;

    /// <summary>A scan's <c>TotalSegments</c>.</summary>
    public const int ScanSegments = 1_000_000;

    /// <summary>Global secondary indexes of a table.</summary>
    public const int GlobalIndexes = 20;

    /// <summary>Local secondary indexes of a table.</summary>
    public const int LocalIndexes = 5;

    /// <summary>
    /// The magnitudes a number (N) can hold: from 1E-130 up to 9.9999999999999999999999999999999999999E+125, that is
    /// below 1E+126 (the double nearest that maximum is 1E+126 itself, which DynamoDB refuses).
    /// </summary>
    public const double NumberMinMagnitude = 1E-130;

    /// <inheritdoc cref="NumberMinMagnitude"/>
    public const double NumberMaxMagnitudeExclusive = 1E+126;
}
