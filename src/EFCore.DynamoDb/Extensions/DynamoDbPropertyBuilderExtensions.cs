using EFCore.DynamoDb.Metadata;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Configures how a property maps to a DynamoDB attribute.</summary>
public static class DynamoDbPropertyBuilderExtensions
{
    /// <summary>Stores the property in the DynamoDB attribute of the given name (default: the property name).</summary>
    public static PropertyBuilder HasAttributeName(this PropertyBuilder propertyBuilder, string name)
    {
        ArgumentNullException.ThrowIfNull(propertyBuilder);
        SetAttributeName(propertyBuilder.Metadata, name);
        return propertyBuilder;
    }

    /// <inheritdoc cref="HasAttributeName(PropertyBuilder, string)"/>
    public static PropertyBuilder<TProperty> HasAttributeName<TProperty>(this PropertyBuilder<TProperty> propertyBuilder, string name)
        => (PropertyBuilder<TProperty>)HasAttributeName((PropertyBuilder)propertyBuilder, name);

    /// <inheritdoc cref="HasAttributeName(PropertyBuilder, string)"/>
    public static ComplexTypePropertyBuilder HasAttributeName(this ComplexTypePropertyBuilder propertyBuilder, string name)
    {
        ArgumentNullException.ThrowIfNull(propertyBuilder);
        SetAttributeName(propertyBuilder.Metadata, name);
        return propertyBuilder;
    }

    /// <inheritdoc cref="HasAttributeName(PropertyBuilder, string)"/>
    public static ComplexTypePropertyBuilder<TProperty> HasAttributeName<TProperty>(
        this ComplexTypePropertyBuilder<TProperty> propertyBuilder, string name)
        => (ComplexTypePropertyBuilder<TProperty>)HasAttributeName((ComplexTypePropertyBuilder)propertyBuilder, name);

    /// <inheritdoc cref="HasAttributeName(PropertyBuilder, string)"/>
    public static ComplexCollectionTypePropertyBuilder HasAttributeName(this ComplexCollectionTypePropertyBuilder propertyBuilder, string name)
    {
        ArgumentNullException.ThrowIfNull(propertyBuilder);
        SetAttributeName(propertyBuilder.Metadata, name);
        return propertyBuilder;
    }

    /// <inheritdoc cref="HasAttributeName(PropertyBuilder, string)"/>
    public static ComplexCollectionTypePropertyBuilder<TProperty> HasAttributeName<TProperty>(
        this ComplexCollectionTypePropertyBuilder<TProperty> propertyBuilder, string name)
        => (ComplexCollectionTypePropertyBuilder<TProperty>)HasAttributeName((ComplexCollectionTypePropertyBuilder)propertyBuilder, name);

    /// <inheritdoc cref="HasAttributeName(PropertyBuilder, string)"/>
    public static IConventionPropertyBuilder? HasAttributeName(
        this IConventionPropertyBuilder propertyBuilder, string? name, bool fromDataAnnotation = false)
    {
        if (!propertyBuilder.CanSetAnnotation(DynamoDbAnnotationNames.AttributeName, name, fromDataAnnotation))
        {
            return null;
        }

        propertyBuilder.Metadata.SetAttributeName(name, fromDataAnnotation);
        return propertyBuilder;
    }

    /// <summary>
    /// Generates the property's values on insert with a hi-lo generator: one <c>UpdateItem ADD</c> on the sequence's
    /// counter item reserves <paramref name="blockSize"/> values, unique across processes and increasing. Integer keys
    /// generated on add (EF Core's default for <c>int</c> and <c>long</c> keys) use it without this call; it names
    /// their sequence (default: the table name) and block size (default: 10).
    /// </summary>
    public static PropertyBuilder UseHiLo(this PropertyBuilder propertyBuilder, string? sequenceName = null, int blockSize = DynamoDbHiLo.DefaultBlockSize)
    {
        ArgumentNullException.ThrowIfNull(propertyBuilder);
        DynamoDbHiLo.CheckArguments(sequenceName, blockSize);
        var property = propertyBuilder.Metadata;
        property.ValueGenerated = ValueGenerated.OnAdd;
        property.SetAnnotation(DynamoDbAnnotationNames.HiLoSequenceName, sequenceName);
        property.SetAnnotation(DynamoDbAnnotationNames.HiLoBlockSize, blockSize);
        return propertyBuilder;
    }

    /// <inheritdoc cref="UseHiLo(PropertyBuilder, string?, int)"/>
    public static PropertyBuilder<TProperty> UseHiLo<TProperty>(
        this PropertyBuilder<TProperty> propertyBuilder, string? sequenceName = null, int blockSize = DynamoDbHiLo.DefaultBlockSize)
        => (PropertyBuilder<TProperty>)UseHiLo((PropertyBuilder)propertyBuilder, sequenceName, blockSize);

    private static void SetAttributeName(IMutableProperty property, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        property.SetAttributeName(name);
    }
}
