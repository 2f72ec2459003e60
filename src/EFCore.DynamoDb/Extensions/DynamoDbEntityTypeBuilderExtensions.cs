using System.Linq.Expressions;
using EFCore.DynamoDb.Metadata;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata;

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
