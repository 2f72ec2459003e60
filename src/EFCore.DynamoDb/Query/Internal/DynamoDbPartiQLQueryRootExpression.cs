using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// The root of a <c>FromPartiQL</c> query: an entity type read by a PartiQL statement whose interpolated values
/// are positional parameters (<c>?</c>), never spliced into the text.
/// </summary>
internal sealed class DynamoDbPartiQLQueryRootExpression : EntityQueryRootExpression
{
    public DynamoDbPartiQLQueryRootExpression(IAsyncQueryProvider? queryProvider, IEntityType entityType, string statement, Expression arguments)
        : base(queryProvider!, entityType)
    {
        Statement = statement;
        Arguments = arguments;
    }

    /// <summary>The statement, with <c>?</c> for each value.</summary>
    public string Statement { get; }

    /// <summary>The values, in the order of their <c>?</c>: an <c>object[]</c> expression (constants or query parameters).</summary>
    public Expression Arguments { get; }

    public override Expression DetachQueryProvider() => new DynamoDbPartiQLQueryRootExpression(null, EntityType, Statement, Arguments);

    protected override Expression VisitChildren(ExpressionVisitor visitor)
    {
        var arguments = visitor.Visit(Arguments);
        return arguments == Arguments ? this : new DynamoDbPartiQLQueryRootExpression(QueryProvider, EntityType, Statement, arguments);
    }

    protected override void Print(ExpressionPrinter expressionPrinter)
    {
        expressionPrinter.Append($"FromPartiQL<{EntityType.DisplayName()}>(\"{Statement}\", ");
        expressionPrinter.Visit(Arguments);
        expressionPrinter.Append(")");
    }

    public override bool Equals(object? obj)
        => obj is DynamoDbPartiQLQueryRootExpression other
            && base.Equals(other)
            && Statement == other.Statement
            && ExpressionEqualityComparer.Instance.Equals(Arguments, other.Arguments);

    public override int GetHashCode()
        => HashCode.Combine(base.GetHashCode(), Statement, ExpressionEqualityComparer.Instance.GetHashCode(Arguments));
}
