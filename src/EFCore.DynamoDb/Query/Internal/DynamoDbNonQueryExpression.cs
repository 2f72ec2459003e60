using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// <c>ExecuteUpdate</c> (with setters) or <c>ExecuteDelete</c> (without) over the items a query addresses; its
/// value is the number of items changed.
/// </summary>
internal sealed class DynamoDbNonQueryExpression(DynamoDbQueryExpression query, IReadOnlyList<DynamoDbUpdateSetter>? setters)
    : Expression, IPrintableExpression
{
    public DynamoDbQueryExpression Query { get; } = query;

    /// <summary>The setters of an <c>ExecuteUpdate</c>; null for <c>ExecuteDelete</c>.</summary>
    public IReadOnlyList<DynamoDbUpdateSetter>? Setters { get; } = setters;

    public override Type Type => typeof(int);

    public override ExpressionType NodeType => ExpressionType.Extension;

    protected override Expression VisitChildren(ExpressionVisitor visitor) => this;

    public void Print(ExpressionPrinter expressionPrinter)
    {
        expressionPrinter.Append(Setters == null ? "DELETE " : "UPDATE ");
        expressionPrinter.Visit(Query);
    }
}
