using System.Linq.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// A condition that holds for every item or for none, known only per execution: <c>Where(x =&gt; true)</c>, a
/// <c>bool</c> variable (<c>Where(x =&gt; includeAll)</c>), or a comparison of two client values that translation
/// made (<c>(x.Tag ?? fallback) == v</c> asks whether <c>fallback == v</c>). As a conjunct of the query it decides
/// whether any request is sent at all; inside a condition it is folded away per execution, never written.
/// </summary>
internal sealed record DynamoDbBooleanFilter(DynamoDbClientValue Value, bool Negated = false) : DynamoDbFilter
{
    public static readonly DynamoDbBooleanFilter True = new(new DynamoDbClientValue(Expression.Constant(true)));

    public static readonly DynamoDbBooleanFilter False = new(new DynamoDbClientValue(Expression.Constant(false)));

    /// <summary>Whether the value is fixed by the query itself (a constant), not by an execution's parameters.</summary>
    public bool IsConstant => Value.IsConstant;

    public bool Evaluate(IReadOnlyDictionary<string, object?> parameters) => Negated != (bool)Value.Evaluate(parameters)!;

    public DynamoDbBooleanFilter Negate() => this with { Negated = !Negated };

    /// <summary>The value of a filter for one execution when it does not depend on the item (it holds only booleans); else null.</summary>
    public static bool? Fold(DynamoDbFilter filter, IReadOnlyDictionary<string, object?> parameters)
        => filter switch
        {
            DynamoDbBooleanFilter boolean => boolean.Evaluate(parameters),
            DynamoDbNotFilter not => !Fold(not.Operand, parameters),
            DynamoDbLogicalFilter logical => (Fold(logical.Left, parameters), Fold(logical.Right, parameters)) switch
            {
                (var left, var right) when logical.IsAnd && (left == false || right == false) => false,
                (var left, var right) when !logical.IsAnd && (left == true || right == true) => true,
                ({ } left, not null) => left,
                _ => null,
            },
            _ => null,
        };
}
