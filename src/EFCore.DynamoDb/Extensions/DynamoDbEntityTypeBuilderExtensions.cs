using System.Linq.Expressions;
using EFCore.DynamoDb.Metadata;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// Configures the key schema of an entity type's DynamoDB table. The table itself is named with EF Core's
/// <c>ToTable("name")</c> (default: the <c>DbSet</c> property name, else the CLR type name).
/// </summary>
public static class DynamoDbEntityTypeBuilderExtensions
{
    /// <summary>
    /// Makes the property the table's partition (HASH) key. Together with <see cref="HasSortKey(EntityTypeBuilder, string)"/>
    /// it defines EF Core's primary key (partition key first).
    /// </summary>
    public static EntityTypeBuilder HasPartitionKey(this EntityTypeBuilder entityTypeBuilder, string propertyName)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        CheckProperty(entityTypeBuilder, propertyName);
        entityTypeBuilder.Metadata.SetPartitionKeyPropertyName(propertyName);
        return entityTypeBuilder;
    }

    /// <inheritdoc cref="HasPartitionKey(EntityTypeBuilder, string)"/>
    public static EntityTypeBuilder<TEntity> HasPartitionKey<TEntity, TProperty>(
        this EntityTypeBuilder<TEntity> entityTypeBuilder,
        Expression<Func<TEntity, TProperty>> propertyExpression)
        where TEntity : class
        => (EntityTypeBuilder<TEntity>)HasPartitionKey((EntityTypeBuilder)entityTypeBuilder, PropertyName(propertyExpression));

    /// <inheritdoc cref="HasPartitionKey(EntityTypeBuilder, string)"/>
    public static IConventionEntityTypeBuilder? HasPartitionKey(
        this IConventionEntityTypeBuilder entityTypeBuilder, string? propertyName, bool fromDataAnnotation = false)
    {
        if (!entityTypeBuilder.CanSetAnnotation(DynamoDbAnnotationNames.PartitionKey, propertyName, fromDataAnnotation))
        {
            return null;
        }

        entityTypeBuilder.Metadata.SetPartitionKeyPropertyName(propertyName, fromDataAnnotation);
        return entityTypeBuilder;
    }

    /// <summary>Makes the property the table's sort (RANGE) key, the second part of EF Core's primary key.</summary>
    public static EntityTypeBuilder HasSortKey(this EntityTypeBuilder entityTypeBuilder, string propertyName)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        CheckProperty(entityTypeBuilder, propertyName);
        entityTypeBuilder.Metadata.SetSortKeyPropertyName(propertyName);
        return entityTypeBuilder;
    }

    /// <inheritdoc cref="HasSortKey(EntityTypeBuilder, string)"/>
    public static EntityTypeBuilder<TEntity> HasSortKey<TEntity, TProperty>(
        this EntityTypeBuilder<TEntity> entityTypeBuilder,
        Expression<Func<TEntity, TProperty>> propertyExpression)
        where TEntity : class
        => (EntityTypeBuilder<TEntity>)HasSortKey((EntityTypeBuilder)entityTypeBuilder, PropertyName(propertyExpression));

    /// <inheritdoc cref="HasSortKey(EntityTypeBuilder, string)"/>
    public static IConventionEntityTypeBuilder? HasSortKey(
        this IConventionEntityTypeBuilder entityTypeBuilder, string? propertyName, bool fromDataAnnotation = false)
    {
        if (!entityTypeBuilder.CanSetAnnotation(DynamoDbAnnotationNames.SortKey, propertyName, fromDataAnnotation))
        {
            return null;
        }

        entityTypeBuilder.Metadata.SetSortKeyPropertyName(propertyName, fromDataAnnotation);
        return entityTypeBuilder;
    }

    /// <summary>
    /// Sets how the table is billed. <see cref="DynamoDbBillingMode.Provisioned"/> needs capacity from
    /// <c>HasProvisionedThroughput</c>.
    /// </summary>
    public static EntityTypeBuilder HasBillingMode(this EntityTypeBuilder entityTypeBuilder, DynamoDbBillingMode billingMode)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        entityTypeBuilder.Metadata.SetAnnotation(DynamoDbAnnotationNames.BillingMode, billingMode);
        return entityTypeBuilder;
    }

    /// <inheritdoc cref="HasBillingMode(EntityTypeBuilder, DynamoDbBillingMode)"/>
    public static EntityTypeBuilder<TEntity> HasBillingMode<TEntity>(this EntityTypeBuilder<TEntity> entityTypeBuilder, DynamoDbBillingMode billingMode)
        where TEntity : class
        => (EntityTypeBuilder<TEntity>)HasBillingMode((EntityTypeBuilder)entityTypeBuilder, billingMode);

    /// <summary>
    /// Provisions the table (and its global secondary indexes) with fixed read and write capacity units, which
    /// makes its billing mode <see cref="DynamoDbBillingMode.Provisioned"/>.
    /// </summary>
    public static EntityTypeBuilder HasProvisionedThroughput(this EntityTypeBuilder entityTypeBuilder, long readCapacityUnits, long writeCapacityUnits)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(readCapacityUnits);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(writeCapacityUnits);
        entityTypeBuilder.Metadata.SetAnnotation(DynamoDbAnnotationNames.BillingMode, DynamoDbBillingMode.Provisioned);
        entityTypeBuilder.Metadata.SetAnnotation(DynamoDbAnnotationNames.ReadCapacity, readCapacityUnits);
        entityTypeBuilder.Metadata.SetAnnotation(DynamoDbAnnotationNames.WriteCapacity, writeCapacityUnits);
        return entityTypeBuilder;
    }

    /// <inheritdoc cref="HasProvisionedThroughput(EntityTypeBuilder, long, long)"/>
    public static EntityTypeBuilder<TEntity> HasProvisionedThroughput<TEntity>(
        this EntityTypeBuilder<TEntity> entityTypeBuilder, long readCapacityUnits, long writeCapacityUnits)
        where TEntity : class
        => (EntityTypeBuilder<TEntity>)HasProvisionedThroughput((EntityTypeBuilder)entityTypeBuilder, readCapacityUnits, writeCapacityUnits);

    /// <summary>Enables a DynamoDB stream on the table, holding the given view of each changed item.</summary>
    public static EntityTypeBuilder HasStreams(this EntityTypeBuilder entityTypeBuilder, DynamoDbStreamViewType viewType)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        entityTypeBuilder.Metadata.SetAnnotation(DynamoDbAnnotationNames.StreamViewType, viewType);
        return entityTypeBuilder;
    }

    /// <inheritdoc cref="HasStreams(EntityTypeBuilder, DynamoDbStreamViewType)"/>
    public static EntityTypeBuilder<TEntity> HasStreams<TEntity>(this EntityTypeBuilder<TEntity> entityTypeBuilder, DynamoDbStreamViewType viewType)
        where TEntity : class
        => (EntityTypeBuilder<TEntity>)HasStreams((EntityTypeBuilder)entityTypeBuilder, viewType);

    /// <summary>
    /// Makes the property the item's expiry time (TTL): a <c>DateTime</c>, <c>DateTimeOffset</c> or integer,
    /// stored as epoch seconds (N), which DynamoDB uses to delete expired items. <c>EnsureCreated</c> enables TTL.
    /// Dates keep whole seconds and read back in UTC.
    /// </summary>
    public static EntityTypeBuilder HasTimeToLive(this EntityTypeBuilder entityTypeBuilder, string propertyName)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        CheckProperty(entityTypeBuilder, propertyName);
        var property = entityTypeBuilder.Metadata.FindProperty(propertyName)!;
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        var converter = type == typeof(DateTime) ? (Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter)EpochSeconds.DateTimeConverter
            : type == typeof(DateTimeOffset) ? EpochSeconds.DateTimeOffsetConverter
            : type == typeof(long) || type == typeof(int) ? null
            : throw new ArgumentException(DynamoDbStrings.TimeToLiveType(entityTypeBuilder.Metadata.DisplayName(), propertyName), nameof(propertyName));
        if (converter != null && property.GetValueConverter() == null)
        {
            property.SetValueConverter(converter);
        }

        entityTypeBuilder.Metadata.SetAnnotation(DynamoDbAnnotationNames.TimeToLive, propertyName);
        return entityTypeBuilder;
    }

    /// <inheritdoc cref="HasTimeToLive(EntityTypeBuilder, string)"/>
    public static EntityTypeBuilder<TEntity> HasTimeToLive<TEntity, TProperty>(
        this EntityTypeBuilder<TEntity> entityTypeBuilder,
        Expression<Func<TEntity, TProperty>> propertyExpression)
        where TEntity : class
        => (EntityTypeBuilder<TEntity>)HasTimeToLive((EntityTypeBuilder)entityTypeBuilder, PropertyName(propertyExpression));

    private static void CheckProperty(EntityTypeBuilder entityTypeBuilder, string propertyName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(propertyName);
        if (entityTypeBuilder.Metadata.FindProperty(propertyName) == null
            && entityTypeBuilder.Metadata.ClrType.GetProperty(propertyName) == null)
        {
            throw new ArgumentException(
                DynamoDbStrings.KeyPropertyNotFound(propertyName, entityTypeBuilder.Metadata.DisplayName()), nameof(propertyName));
        }

        entityTypeBuilder.Property(propertyName);
    }

    private static string PropertyName(LambdaExpression propertyExpression)
    {
        ArgumentNullException.ThrowIfNull(propertyExpression);
        return propertyExpression.Body is MemberExpression { Expression: ParameterExpression } member
            ? member.Member.Name
            : throw new ArgumentException(DynamoDbStrings.InvalidKeyPropertyExpression(propertyExpression), nameof(propertyExpression));
    }
}
