using EFCore.DynamoDb.Metadata;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Reads and writes how an EF Core index maps to a DynamoDB secondary index.</summary>
public static class DynamoDbIndexExtensions
{
    /// <summary>The name of the DynamoDB secondary index, or null when the EF Core index is not one.</summary>
    public static string? GetSecondaryIndexName(this IReadOnlyIndex index)
        => index[DynamoDbAnnotationNames.SecondaryIndexName] as string;

    /// <summary>Whether the index is global or local, or null when it is not a DynamoDB secondary index.</summary>
    public static DynamoDbSecondaryIndexType? GetSecondaryIndexType(this IReadOnlyIndex index)
        => index[DynamoDbAnnotationNames.SecondaryIndexType] as DynamoDbSecondaryIndexType?;

    /// <summary>Makes the index a DynamoDB secondary index of the given name and type.</summary>
    public static void SetSecondaryIndex(this IMutableIndex index, string name, DynamoDbSecondaryIndexType type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        index.SetAnnotation(DynamoDbAnnotationNames.SecondaryIndexName, name);
        index.SetAnnotation(DynamoDbAnnotationNames.SecondaryIndexType, type);
    }

    /// <summary>Which attributes the index holds (default: all of them).</summary>
    public static DynamoDbProjectionType GetProjectionType(this IReadOnlyIndex index)
        => index[DynamoDbAnnotationNames.ProjectionType] as DynamoDbProjectionType? ?? DynamoDbProjectionType.All;

    /// <summary>The non-key attributes an <see cref="DynamoDbProjectionType.Include"/> index holds (attribute names).</summary>
    public static IReadOnlyList<string> GetProjectedAttributes(this IReadOnlyIndex index)
        => index[DynamoDbAnnotationNames.ProjectedAttributes] as string[] ?? [];

    /// <summary>Sets which attributes the index holds.</summary>
    public static void SetProjection(this IMutableIndex index, DynamoDbProjectionType type, IReadOnlyList<string> attributes)
    {
        index.SetAnnotation(DynamoDbAnnotationNames.ProjectionType, type);
        index.SetAnnotation(DynamoDbAnnotationNames.ProjectedAttributes, attributes.ToArray());
    }
}
