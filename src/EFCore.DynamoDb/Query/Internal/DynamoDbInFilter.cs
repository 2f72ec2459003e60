using System.Collections;
using System.Linq.Expressions;
using Amazon.DynamoDBv2.Model;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// <c>#a IN (:v0, :v1, ...)</c> from <c>values.Contains(x.Property)</c> (the values are a constant or parameter
/// collection, expanded per execution) or from equalities joined by <c>||</c> (<c>x.P == a || x.P == b</c>).
/// </summary>
internal sealed record DynamoDbInFilter : DynamoDbFilter
{
    private readonly Func<object?, AttributeValue?>? _writeElement;
    private readonly DynamoDbClientValue? _collection;

    /// <summary><c>values.Contains(x.Property)</c>: the elements are written as the property's values.</summary>
    public DynamoDbInFilter(IProperty property, Expression values)
    {
        Property = property;
        Values = values;
        _collection = new DynamoDbClientValue(values);
        _writeElement = DynamoDbValueConversion.Writer(ElementType(values.Type), DynamoDbAttributeOperand.Of(property));
    }

    /// <summary><c>x.P == a || x.P == b</c>: each alternative a value of the property.</summary>
    public DynamoDbInFilter(IProperty property, IReadOnlyList<DynamoDbValueOperand> alternatives)
    {
        Property = property;
        Alternatives = alternatives;
    }

    public IProperty Property { get; }

    /// <summary>The constant or parameter collection of values, or null for alternatives.</summary>
    public Expression? Values { get; }

    /// <summary>The values of <c>||</c>-joined equalities, or null for a collection.</summary>
    public IReadOnlyList<DynamoDbValueOperand>? Alternatives { get; }

    /// <summary>The values of one execution, as written (null for a null value).</summary>
    public IEnumerable<AttributeValue?> Evaluate(IReadOnlyDictionary<string, object?> parameters)
    {
        if (Alternatives != null)
        {
            return Alternatives.Select(alternative => alternative.ToAttributeValue(parameters));
        }

        var collection = (IEnumerable?)_collection!.Evaluate(parameters);
        return (collection ?? Array.Empty<object>()).Cast<object?>().Select(_writeElement!);
    }

    /// <summary>
    /// <c>x.P == a || x.P == b</c> (or an <c>IN</c> of such alternatives with one more value) as one <c>IN</c>, so that
    /// alternatives of a key are read like <c>values.Contains(x.Key)</c>; null when the two are not equalities of one
    /// property.
    /// </summary>
    public static DynamoDbInFilter? Merge(DynamoDbFilter left, DynamoDbFilter right)
        => (AlternativesOf(left), AlternativesOf(right)) is ({ } l, { } r) && l.Property == r.Property
            ? new DynamoDbInFilter(l.Property, [.. l.Values, .. r.Values])
            : null;

    /// <summary>The element type of a collection type: <c>T</c> of its <c>IEnumerable&lt;T&gt;</c>, else object.</summary>
    private static Type ElementType(Type collectionType)
        => collectionType.IsArray ? collectionType.GetElementType()!
            : (collectionType.IsGenericType && collectionType.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? collectionType : null)
                ?.GetGenericArguments()[0]
            ?? collectionType.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                ?.GetGenericArguments()[0]
            ?? typeof(object);

    private static (IProperty Property, IReadOnlyList<DynamoDbValueOperand> Values)? AlternativesOf(DynamoDbFilter filter)
        => filter switch
        {
            DynamoDbComparisonFilter { Operator: DynamoDbComparisonOperator.Equal, Property: { } property } equal => (property, [equal.Value]),
            DynamoDbInFilter { Alternatives: { } alternatives } @in => (@in.Property, alternatives),
            _ => null,
        };
}
