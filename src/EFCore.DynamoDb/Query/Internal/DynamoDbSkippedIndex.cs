using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// An index that fixes a read's partition key but was not used: items the read returns may lack its key
/// <paramref name="Property"/>, and an index holds only the items that have its key attributes
/// (<paramref name="ComparedWithNull"/>: the read looks for items without it). The errors that refuse the scan left
/// instead say so.
/// </summary>
internal sealed record DynamoDbSkippedIndex(IReadOnlyIndex Index, IProperty Property, bool ComparedWithNull)
{
    /// <summary>Why the index was not used and what to do, after the error that refuses a query.</summary>
    public string QueryNote(IEntityType entityType)
        => " " + (ComparedWithNull
            ? DynamoDbStrings.IndexLacksNullKeys(Index.GetSecondaryIndexName()!, entityType.DisplayName(), Property.Name)
            : DynamoDbStrings.SparseIndexSkipped(Index.GetSecondaryIndexName()!, entityType.DisplayName(), Property.Name));

    /// <summary>Why the index was not used and what to do, after the error that refuses a read of related items.</summary>
    public string RelatedReadNote(IEntityType entityType)
        => " " + DynamoDbStrings.RelatedReadSkippedIndex(Index.GetSecondaryIndexName()!, entityType.DisplayName(), Property.Name);
}
