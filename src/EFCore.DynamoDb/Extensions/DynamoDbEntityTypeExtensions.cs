using EFCore.DynamoDb.Metadata;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Reads and writes the DynamoDB key schema of an entity type (its table name is EF Core's <c>GetTableName()</c>).</summary>
public static class DynamoDbEntityTypeExtensions
{
    /// <summary>The name of the property that is the partition (HASH) key: the configured one, else the first primary key property.</summary>
    public static string? GetPartitionKeyPropertyName(this IReadOnlyEntityType entityType)
        => entityType[DynamoDbAnnotationNames.PartitionKey] as string
            ?? (entityType.FindPrimaryKey()?.Properties is [var first, ..] ? first.Name : null);

    /// <summary>Sets the property that is the partition (HASH) key.</summary>
    public static void SetPartitionKeyPropertyName(this IMutableEntityType entityType, string? name)
        => entityType.SetOrRemoveAnnotation(DynamoDbAnnotationNames.PartitionKey, name);

    /// <summary>Sets the property that is the partition (HASH) key.</summary>
    public static string? SetPartitionKeyPropertyName(this IConventionEntityType entityType, string? name, bool fromDataAnnotation = false)
        => (string?)entityType.SetOrRemoveAnnotation(DynamoDbAnnotationNames.PartitionKey, name, fromDataAnnotation)?.Value;

    /// <summary>The name of the property that is the sort (RANGE) key, if any: the configured one, else the second primary key property.</summary>
    public static string? GetSortKeyPropertyName(this IReadOnlyEntityType entityType)
        => entityType[DynamoDbAnnotationNames.SortKey] as string
            ?? (entityType.FindPrimaryKey()?.Properties is { Count: > 1 } properties ? properties[1].Name : null);

    /// <summary>Sets the property that is the sort (RANGE) key.</summary>
    public static void SetSortKeyPropertyName(this IMutableEntityType entityType, string? name)
        => entityType.SetOrRemoveAnnotation(DynamoDbAnnotationNames.SortKey, name);

    /// <summary>How the entity type's table is billed (default: pay per request).</summary>
    public static DynamoDbBillingMode GetBillingMode(this IReadOnlyEntityType entityType)
        => entityType.GetRootType()[DynamoDbAnnotationNames.BillingMode] as DynamoDbBillingMode? ?? DynamoDbBillingMode.PayPerRequest;

    /// <summary>The provisioned read and write capacity units of the table, when it is provisioned.</summary>
    public static (long Read, long Write)? GetProvisionedThroughput(this IReadOnlyEntityType entityType)
        => entityType.GetRootType()[DynamoDbAnnotationNames.ReadCapacity] is long read
            && entityType.GetRootType()[DynamoDbAnnotationNames.WriteCapacity] is long write
                ? (read, write)
                : null;

    /// <summary>The stream the table has, or null for none.</summary>
    public static DynamoDbStreamViewType? GetStreamViewType(this IReadOnlyEntityType entityType)
        => entityType.GetRootType()[DynamoDbAnnotationNames.StreamViewType] as DynamoDbStreamViewType?;

    /// <summary>The name of the property whose value is the item's expiry time (TTL), or null.</summary>
    public static string? GetTimeToLivePropertyName(this IReadOnlyEntityType entityType)
        => entityType.GetRootType()[DynamoDbAnnotationNames.TimeToLive] as string;

    /// <summary>Sets the property that is the sort (RANGE) key.</summary>
    public static string? SetSortKeyPropertyName(this IConventionEntityType entityType, string? name, bool fromDataAnnotation = false)
        => (string?)entityType.SetOrRemoveAnnotation(DynamoDbAnnotationNames.SortKey, name, fromDataAnnotation)?.Value;
}
