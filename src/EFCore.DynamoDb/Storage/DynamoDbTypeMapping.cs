using System.Linq.Expressions;
using Amazon.DynamoDBv2.Model;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.Json;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EFCore.DynamoDb.Storage;

/// <summary>
/// Maps a CLR type to a DynamoDB scalar attribute: the codec for the provider type, composed with the property's
/// value converter (user-configured or the provider's own, such as enum to number).
/// </summary>
internal sealed class DynamoDbTypeMapping : CoreTypeMapping
{
    public DynamoDbTypeMapping(Type clrType, DynamoDbScalarCodec codec, ValueConverter? converter = null, ValueComparer? comparer = null)
        : base(new CoreTypeMappingParameters(clrType, converter, comparer, comparer))
    {
        Codec = codec;
    }

    private DynamoDbTypeMapping(CoreTypeMappingParameters parameters, DynamoDbScalarCodec codec)
        : base(parameters)
    {
        Codec = codec;
    }

    /// <summary>The codec of the provider type (after conversion).</summary>
    public DynamoDbScalarCodec Codec { get; }

    /// <summary>Converts a model value to the attribute value stored; null for null (the attribute is left out).</summary>
    public AttributeValue? ToAttributeValue(object? modelValue)
    {
        var providerValue = Converter != null ? Converter.ConvertToProvider(modelValue) : modelValue;
        return providerValue == null ? null : Codec.WriteObject(providerValue);
    }

    /// <summary>An expression that reads a model value of <paramref name="targetType"/> from a non-null attribute value expression.</summary>
    public Expression CreateReadExpression(Expression attributeValue, Type targetType)
    {
        var value = Codec.CreateReadExpression(attributeValue);
        if (Converter != null)
        {
            var fromProvider = Converter.ConvertFromProviderExpression;
            var providerValue = value.Type == fromProvider.Parameters[0].Type
                ? value
                : Expression.Convert(value, fromProvider.Parameters[0].Type);
            value = ReplacingExpressionVisitor.Replace(fromProvider.Parameters[0], providerValue, fromProvider.Body);
        }

        return value.Type == targetType ? value : Expression.Convert(value, targetType);
    }

    protected override CoreTypeMapping Clone(CoreTypeMappingParameters parameters) => new DynamoDbTypeMapping(parameters, Codec);

    public override CoreTypeMapping WithComposedConverter(
        ValueConverter? converter,
        ValueComparer? comparer = null,
        ValueComparer? keyComparer = null,
        CoreTypeMapping? elementMapping = null,
        JsonValueReaderWriter? jsonValueReaderWriter = null)
        => new DynamoDbTypeMapping(
            Parameters.WithComposedConverter(converter, comparer, keyComparer, elementMapping, jsonValueReaderWriter), Codec);
}
