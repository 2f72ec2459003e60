using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// An owned entity (or owned collection) projected without its owner: materialized from the item, untracked, with
/// its own owned navigations. Replaced by the read when the shaper is compiled.
/// </summary>
internal sealed class DynamoDbOwnedNavigationReadExpression(INavigation navigation, Type type) : Expression, IPrintableExpression
{
    public INavigation Navigation { get; } = navigation;

    public override Type Type { get; } = type;

    public override ExpressionType NodeType => ExpressionType.Extension;

    protected override Expression VisitChildren(ExpressionVisitor visitor) => this;

    public void Print(ExpressionPrinter expressionPrinter)
        => expressionPrinter.Append("item[\"" + string.Join(".", Navigation.GetDocumentPath()) + "\"] as " + Navigation.TargetEntityType.DisplayName());
}
