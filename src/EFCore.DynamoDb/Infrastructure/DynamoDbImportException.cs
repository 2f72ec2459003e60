namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// <c>ImportItemsAsync</c> stopped before the end of its input: a line could not be read, or DynamoDB refused a write.
/// The items counted in <see cref="ItemsWritten"/> are in the table; importing the same input again overwrites them.
/// </summary>
public sealed class DynamoDbImportException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DynamoDbImportException(string message, long itemsWritten, Exception? innerException = null)
        : base(message, innerException)
        => ItemsWritten = itemsWritten;

    /// <summary>How many items were written before the import stopped.</summary>
    public long ItemsWritten { get; }
}
