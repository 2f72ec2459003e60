using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// A condition that holds for every item or for none, known only per execution: <c>Where(x =&gt; true)</c>, or a
/// <c>bool</c> variable (<c>Where(x =&gt; includeAll)</c>). As a conjunct of the query it decides whether any request is
/// sent at all; it is never written into an expression.
/// </summary>
internal sealed record DynamoDbBooleanFilter(Expression Value, bool Negated = false) : DynamoDbFilter
{
    public static readonly DynamoDbBooleanFilter True = new(Expression.Constant(true));

    public static readonly DynamoDbBooleanFilter False = new(Expression.Constant(false));

    /// <summary>Whether the value is fixed by the query itself (a constant), not by an execution's parameters.</summary>
    public bool IsConstant => Value is ConstantExpression;

    public bool Evaluate(IReadOnlyDictionary<string, object?> parameters)
        => Negated != Value switch
        {
            ConstantExpression constant => (bool)constant.Value!,
            QueryParameterExpression parameter => (bool)parameters[parameter.Name]!,
            _ => throw new InvalidOperationException(Value.ToString()),
        };

    public DynamoDbBooleanFilter Negate() => this with { Negated = !Negated };
}
