using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// A projected property inside a shaper: the value of one attribute of the item being shaped. Replaced by the
/// typed read of that attribute when the shaper is compiled.
/// </summary>
internal sealed class DynamoDbAttributeReadExpression(IProperty property, Type type) : Expression, IPrintableExpression
{
    public new IProperty Property { get; } = property;

    public override Type Type { get; } = type;

    public override ExpressionType NodeType => ExpressionType.Extension;

    protected override Expression VisitChildren(ExpressionVisitor visitor) => this;

    public void Print(ExpressionPrinter expressionPrinter) => expressionPrinter.Append("item[\"" + Property.GetAttributeName() + "\"]");
}
