using System.Linq.Expressions;
using EFCore.DynamoDb.Metadata;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Configures how an entity type maps to a DynamoDB table and its key schema.</summary>
public static class DynamoDbEntityTypeBuilderExtensions
{
    /// <summary>
    /// Stores the entity type in the named DynamoDB table (default: the <c>DbSet</c> property name, else the CLR type name).
    /// A context's <c>TableNamePrefix</c> is prepended when the table is addressed.
    /// </summary>
    public static EntityTypeBuilder ToTable(this EntityTypeBuilder entityTypeBuilder, string name)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        entityTypeBuilder.Metadata.SetTableName(name);
        return entityTypeBuilder;
    }

    /// <inheritdoc cref="ToTable(EntityTypeBuilder, string)"/>
    public static EntityTypeBuilder<TEntity> ToTable<TEntity>(this EntityTypeBuilder<TEntity> entityTypeBuilder, string name)
        where TEntity : class
        => (EntityTypeBuilder<TEntity>)ToTable((EntityTypeBuilder)entityTypeBuilder, name);

    /// <inheritdoc cref="ToTable(EntityTypeBuilder, string)"/>
    public static IConventionEntityTypeBuilder? ToTable(this IConventionEntityTypeBuilder entityTypeBuilder, string? name, bool fromDataAnnotation = false)
    {
        if (!entityTypeBuilder.CanSetAnnotation(DynamoDbAnnotationNames.TableName, name, fromDataAnnotation))
        {
            return null;
        }

        entityTypeBuilder.Metadata.SetTableName(name, fromDataAnnotation);
        return entityTypeBuilder;
    }

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
