using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// The value of a complex collection inside a materializer: its list of maps, each map materialized by
/// <see cref="ElementMaterializer"/> over <see cref="ElementContext"/>. Replaced by the typed read when a query's
/// shaper is compiled; elsewhere (materializers EF Core compiles for its own use) it reduces to null.
/// </summary>
internal sealed class DynamoDbComplexCollectionReadExpression(
    IComplexProperty complexProperty,
    Expression materializationContext,
    ParameterExpression elementContext,
    Expression elementMaterializer) : Expression, IPrintableExpression
{
    public IComplexProperty ComplexProperty { get; } = complexProperty;

    /// <summary>The materialization context of the structural object that holds the collection.</summary>
    public Expression MaterializationContext { get; } = materializationContext;

    /// <summary>The materialization context parameter of <see cref="ElementMaterializer"/>.</summary>
    public ParameterExpression ElementContext { get; } = elementContext;

    /// <summary>EF Core's materializer of one element.</summary>
    public Expression ElementMaterializer { get; } = elementMaterializer;

    public override Type Type => ComplexProperty.ClrType;

    public override ExpressionType NodeType => ExpressionType.Extension;

    public override bool CanReduce => true;

    public override Expression Reduce() => Default(Type);

    protected override Expression VisitChildren(ExpressionVisitor visitor) => this;

    public void Print(ExpressionPrinter expressionPrinter)
        => expressionPrinter.Append("item[\"" + string.Join(".", ComplexProperty.GetDocumentPath()) + "\"] as list of maps");
}
