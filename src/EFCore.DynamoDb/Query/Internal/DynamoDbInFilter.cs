using System.Collections;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// <c>#a IN (:v0, :v1, ...)</c> from <c>values.Contains(x.Property)</c>: the values are a constant or parameter
/// collection, expanded per execution.
/// </summary>
internal sealed record DynamoDbInFilter(IProperty Property, Expression Values) : DynamoDbFilter
{
    /// <summary>The values of one execution, each as a value operand of the property.</summary>
    public IEnumerable<DynamoDbValueOperand> Evaluate(IReadOnlyDictionary<string, object?> parameters)
    {
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
}
