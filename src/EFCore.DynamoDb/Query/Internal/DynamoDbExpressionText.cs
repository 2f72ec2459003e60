using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// An expression of a query being translated, printed for messages as the user wrote it: EF Core's internal nodes
/// for the entity read (<c>StructuralTypeShaperExpression</c>) become a parameter named after its type (<c>u</c>
/// for a <c>User</c>).
/// </summary>
internal sealed class DynamoDbExpressionText : ExpressionVisitor
{
    private readonly Dictionary<Type, ParameterExpression> _parameters = [];

    public static string Print(Expression expression) => new DynamoDbExpressionText().Visit(expression).Print();

    protected override Expression VisitExtension(Expression node)
        => node is StructuralTypeShaperExpression shaper ? ParameterFor(shaper.Type) : node;

    private ParameterExpression ParameterFor(Type type)
    {
        if (!_parameters.TryGetValue(type, out var parameter))
        {
            _parameters[type] = parameter = Expression.Parameter(type, char.ToLowerInvariant(type.Name[0]).ToString());
        }

        return parameter;
    }
}
