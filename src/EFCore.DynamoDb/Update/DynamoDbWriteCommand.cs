using Amazon.DynamoDBv2;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.Update;

/// <summary>
/// One write of a save: the conditional request for one entry, and the values the provider generates for it
/// (row versions), which are given to the entry only once the write succeeded.
/// </summary>
internal sealed class DynamoDbWriteCommand(
    IUpdateEntry entry,
    AmazonDynamoDBRequest request,
    IReadOnlyList<(IProperty Property, object Value)> generatedValues)
{
    public IUpdateEntry Entry { get; } = entry;

    public AmazonDynamoDBRequest Request { get; } = request;

    /// <summary>Hands the generated values to the change tracker after the write succeeded.</summary>
    public void Complete()
    {
        foreach (var (property, value) in generatedValues)
        {
            Entry.SetStoreGeneratedValue(property, value);
        }
    }
}
