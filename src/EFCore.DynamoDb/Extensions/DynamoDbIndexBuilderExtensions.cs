using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// Maps an EF Core index (<c>HasIndex(e => new { e.PartitionKey, e.SortKey })</c>) to a DynamoDB secondary index:
/// its first property is the index partition key, its second (if any) the index sort key. <c>EnsureCreated</c>
/// provisions it, and queries that fix its partition key use it.
/// </summary>
public static class DynamoDbIndexBuilderExtensions
{
    /// <summary>Makes the index a global secondary index of the given name.</summary>
    public static IndexBuilder IsGlobalSecondaryIndex(this IndexBuilder indexBuilder, string name)
        => SecondaryIndex(indexBuilder, name, DynamoDbSecondaryIndexType.Global);

    /// <inheritdoc cref="IsGlobalSecondaryIndex(IndexBuilder, string)"/>
    public static IndexBuilder<TEntity> IsGlobalSecondaryIndex<TEntity>(this IndexBuilder<TEntity> indexBuilder, string name)
        => (IndexBuilder<TEntity>)SecondaryIndex(indexBuilder, name, DynamoDbSecondaryIndexType.Global);

    /// <summary>
    /// Makes the index a local secondary index of the given name: its first property must be the table's partition
    /// key, its second the index sort key. Local indexes are created with their table.
    /// </summary>
    public static IndexBuilder IsLocalSecondaryIndex(this IndexBuilder indexBuilder, string name)
        => SecondaryIndex(indexBuilder, name, DynamoDbSecondaryIndexType.Local);

    /// <inheritdoc cref="IsLocalSecondaryIndex(IndexBuilder, string)"/>
    public static IndexBuilder<TEntity> IsLocalSecondaryIndex<TEntity>(this IndexBuilder<TEntity> indexBuilder, string name)
        => (IndexBuilder<TEntity>)SecondaryIndex(indexBuilder, name, DynamoDbSecondaryIndexType.Local);

    /// <summary>
    /// Sets which attributes the index holds: all (default), only keys, or keys plus the named properties
    /// (<see cref="DynamoDbProjectionType.Include"/>). Queries the index cannot answer are refused.
    /// </summary>
    public static IndexBuilder HasProjection(this IndexBuilder indexBuilder, DynamoDbProjectionType type, params string[] propertyNames)
    {
        ArgumentNullException.ThrowIfNull(indexBuilder);
        ArgumentNullException.ThrowIfNull(propertyNames);
        if (!Enum.IsDefined(type) || (type != DynamoDbProjectionType.Include && propertyNames.Length > 0))
        {
            throw new ArgumentException(EFCore.DynamoDb.Properties.DynamoDbStrings.ProjectionArguments(type), nameof(propertyNames));
        }

        var entityType = indexBuilder.Metadata.DeclaringEntityType;
        var attributes = propertyNames.Select(name => entityType.FindProperty(name)?.GetAttributeName()
            ?? throw new ArgumentException(EFCore.DynamoDb.Properties.DynamoDbStrings.KeyPropertyNotFound(name, entityType.DisplayName()), nameof(propertyNames)));
        indexBuilder.Metadata.SetProjection(type, attributes.ToList());
        return indexBuilder;
    }

    /// <inheritdoc cref="HasProjection(IndexBuilder, DynamoDbProjectionType, string[])"/>
    public static IndexBuilder<TEntity> HasProjection<TEntity>(this IndexBuilder<TEntity> indexBuilder, DynamoDbProjectionType type, params string[] propertyNames)
        => (IndexBuilder<TEntity>)HasProjection((IndexBuilder)indexBuilder, type, propertyNames);

    private static IndexBuilder SecondaryIndex(IndexBuilder indexBuilder, string name, DynamoDbSecondaryIndexType type)
    {
        ArgumentNullException.ThrowIfNull(indexBuilder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        indexBuilder.Metadata.SetSecondaryIndex(name, type);
        return indexBuilder;
    }
}
