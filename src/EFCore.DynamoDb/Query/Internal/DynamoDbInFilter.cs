using System.Collections;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// <c>#a IN (:v0, :v1, ...)</c> from <c>values.Contains(x.Property)</c> (the values are a constant or parameter
/// collection, expanded per execution) or from equalities joined by <c>||</c> (<c>x.P == a || x.P == b</c>: an array
/// of the operands' expressions).
/// </summary>
internal sealed record DynamoDbInFilter(IProperty Property, Expression Values) : DynamoDbFilter
{
    /// <summary>The values of one execution, each as a value operand of the property.</summary>
    public IEnumerable<DynamoDbValueOperand> Evaluate(IReadOnlyDictionary<string, object?> parameters)
    {
        if (Values is NewArrayExpression alternatives)
        {
            foreach (var alternative in alternatives.Expressions)
            {
                yield return new DynamoDbValueOperand(alternative, Property);
            }

            yield break;
        }

        var collection = Values switch
        {
            ConstantExpression constant => (IEnumerable?)constant.Value,
            QueryParameterExpression parameter => (IEnumerable?)parameters[parameter.Name],
            _ => throw new InvalidOperationException(Values.ToString()),
        };

        foreach (var value in collection ?? Array.Empty<object>())
        {
            yield return new DynamoDbValueOperand(Expression.Constant(value, typeof(object)), Property);
        }
    }

    /// <summary>
    /// <c>x.P == a || x.P == b</c> (or an <c>IN</c> of such alternatives, or of a list, with one more value) as one
    /// <c>IN</c>, so that alternatives of a key are read like <c>values.Contains(x.Key)</c>; null when the two are not
    /// equalities of one property.
    /// </summary>
    public static DynamoDbInFilter? Merge(DynamoDbFilter left, DynamoDbFilter right)
        => (Alternatives(left), Alternatives(right)) is ({ } l, { } r) && l.Property == r.Property
            ? new DynamoDbInFilter(l.Property, Expression.NewArrayInit(typeof(object), l.Values.Concat(r.Values)))
            : null;

    private static (IProperty Property, IEnumerable<Expression> Values)? Alternatives(DynamoDbFilter filter)
        => filter switch
        {
            DynamoDbComparisonFilter { Operator: DynamoDbComparisonOperator.Equal } equal
                => (equal.Property, [Expression.Convert(equal.Value.ValueExpression, typeof(object))]),
            DynamoDbInFilter { Values: NewArrayExpression array } @in => (@in.Property, array.Expressions),
            _ => null,
        };
}
