using System.Linq.Expressions;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// One step from items to their related items: the source properties whose values (a foreign key, or a principal
/// key) equal the target properties of the related items. Compares and binds values as stored attribute values, so
/// the same key read from either side matches.
/// </summary>
internal sealed class DynamoDbRelatedKey
{
    private readonly string[] _sourceNames;
    private readonly string[] _targetNames;
    private readonly Func<Dictionary<string, AttributeValue>, object?>[] _sourceReaders;
    private readonly QueryParameterExpression[] _parameters;
    private readonly DynamoDbItemTypeTest _typeTest;

    public DynamoDbRelatedKey(string description, IReadOnlyList<IProperty> sourceProperties, IEntityType targetType, IReadOnlyList<IProperty> targetProperties)
    {
        Description = description;
        TargetType = targetType;
        TargetProperties = targetProperties;
        _sourceNames = sourceProperties.Select(p => p.GetAttributeName()).ToArray();
        _targetNames = targetProperties.Select(p => p.GetAttributeName()).ToArray();
        _parameters = sourceProperties.Select((p, i) => new QueryParameterExpression($"__{description.Replace('.', '_')}_{i}", p.ClrType)).ToArray();
        _sourceReaders = sourceProperties.Select(CompileReader).ToArray();
        _typeTest = new DynamoDbItemTypeTest(targetType);
    }

    /// <summary>The navigation the step follows, for messages (<c>Blog.Posts</c>).</summary>
    public string Description { get; }

    public IEntityType TargetType { get; }

    public IReadOnlyList<IProperty> TargetProperties { get; }

    /// <summary>For messages: how to declare the index that would find the related items.</summary>
    public string IndexExample
        => DynamoDbStrings.IndexExample(
            TargetProperties[0].Name,
            byName: TargetProperties[0].IsShadowProperty() || TargetProperties[0].IsIndexerProperty(),
            joinType: TargetType.GetForeignKeys().Any(fk => fk.GetReferencingSkipNavigations().Any()));

    /// <summary>The condition the related items meet: each target property equals its parameter.</summary>
    public DynamoDbFilter KeyPredicate()
        => DynamoDbFilter.And(TargetProperties.Select((p, i) => (DynamoDbFilter)DynamoDbComparisonFilter.Of(
            p, DynamoDbComparisonOperator.Equal, _parameters[i])))!;

    /// <summary>The source item's key values as one text; null when one is missing (an optional relationship not set).</summary>
    public string? SourceIdentity(Dictionary<string, AttributeValue> item) => DynamoDbKeyIdentity.OfValues(item, _sourceNames);

    /// <summary>The related item's key values as one text, comparable with <see cref="SourceIdentity"/>.</summary>
    public string? TargetIdentity(Dictionary<string, AttributeValue> item) => DynamoDbKeyIdentity.OfValues(item, _targetNames);

    /// <summary>The key of the related item of a source item, when the target properties are its full primary key.</summary>
    public Dictionary<string, AttributeValue> TargetKeyOf(Dictionary<string, AttributeValue> source)
    {
        var key = new Dictionary<string, AttributeValue>(_targetNames.Length);
        for (var i = 0; i < _targetNames.Length; i++)
        {
            key[_targetNames[i]] = source[_sourceNames[i]];
        }

        return key;
    }

    /// <summary>Whether an item read from a shared table holds the target type (or a derived type).</summary>
    public bool IsOfTargetType(Dictionary<string, AttributeValue> item) => _typeTest.Matches(item);

    /// <summary>The query's parameters plus the key values of one source item.</summary>
    public IReadOnlyDictionary<string, object?> BindParameters(IReadOnlyDictionary<string, object?> queryParameters, Dictionary<string, AttributeValue> source)
    {
        var parameters = new Dictionary<string, object?>(queryParameters);
        for (var i = 0; i < _parameters.Length; i++)
        {
            parameters[_parameters[i].Name] = _sourceReaders[i](source);
        }

        return parameters;
    }

    /// <summary>The query's parameters plus stand-in key values, to print an example of the follow-up request.</summary>
    public IReadOnlyDictionary<string, object?> PlaceholderParameters(IReadOnlyDictionary<string, object?> queryParameters)
    {
        var parameters = new Dictionary<string, object?>(queryParameters);
        foreach (var parameter in _parameters)
        {
            var type = Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type;
            parameters[parameter.Name] = type == typeof(string) ? "?"
                : type == typeof(byte[]) ? new byte[1]
                : type.IsValueType ? Activator.CreateInstance(type)
                : null;
        }

        return parameters;
    }

    private static Func<Dictionary<string, AttributeValue>, object?> CompileReader(IProperty property)
    {
        var item = Expression.Parameter(typeof(Dictionary<string, AttributeValue>), "item");
        return Expression.Lambda<Func<Dictionary<string, AttributeValue>, object?>>(
            Expression.Convert(DynamoDbItemReadingExpressionVisitor.CreateReadExpression(item, property, property.ClrType), typeof(object)),
            item).Compile();
    }
}
