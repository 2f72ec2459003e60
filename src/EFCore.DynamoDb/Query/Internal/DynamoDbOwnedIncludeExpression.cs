using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// An owner entity whose owned navigation is loaded from the owner's item by <see cref="Loader"/>: what EF Core's
/// include of an owned navigation becomes, since owned entities are embedded in the owner's item.
/// </summary>
internal sealed class DynamoDbOwnedIncludeExpression(Expression entityExpression, DynamoDbOwnedNavigationLoader loader)
    : Expression, IPrintableExpression
{
    public Expression EntityExpression { get; } = entityExpression;

    public DynamoDbOwnedNavigationLoader Loader { get; } = loader;

    public override Type Type => EntityExpression.Type;

    public override ExpressionType NodeType => ExpressionType.Extension;

    protected override Expression VisitChildren(ExpressionVisitor visitor)
        => visitor.Visit(EntityExpression) is var entity && entity != EntityExpression ? new DynamoDbOwnedIncludeExpression(entity, Loader) : this;

    public void Print(ExpressionPrinter expressionPrinter)
    {
        expressionPrinter.Append("IncludeOwned(");
        expressionPrinter.Visit(EntityExpression);
        expressionPrinter.Append(", " + Loader.Navigation.Name + ")");
    }
}
