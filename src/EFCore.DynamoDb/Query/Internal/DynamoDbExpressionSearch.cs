using System.Linq.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Finds whether an expression tree holds a node that passes a test. Extension nodes (EF Core's and the provider's)
/// are tested but not searched inside: not all of them can be visited.
/// </summary>
internal sealed class DynamoDbExpressionSearch(Func<Expression, bool> test) : ExpressionVisitor
{
    private bool _found;

    public static bool Any(Expression expression, Func<Expression, bool> test)
    {
        var search = new DynamoDbExpressionSearch(test);
        search.Visit(expression);
        return search._found;
    }

    public override Expression? Visit(Expression? node)
    {
        if (_found || node == null)
        {
            return node;
        }

        _found = test(node);
        return _found || node.NodeType == ExpressionType.Extension ? node : base.Visit(node);
    }
}
