using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// The DynamoDB query a LINQ query translates to, before the operation is chosen: the table, the predicate
/// (later split into key condition and filter), the limits and the direction of the sort key.
/// </summary>
internal sealed class DynamoDbQueryExpression(IEntityType entityType) : Expression, IPrintableExpression
{
    private readonly List<(bool IsSkip, Expression Count)> _paging = [];

    public IEntityType EntityType { get; } = entityType;

    /// <summary>The mapped table name, without the prefix a context adds.</summary>
    public string TableName { get; } = entityType.GetTableName()!;

    /// <summary>The conjunction of every <c>Where</c> of the query.</summary>
    public DynamoDbFilter? Predicate { get; private set; }

    /// <summary>Each <c>Skip</c> and <c>Take</c> (or the implicit limit of <c>First</c>/<c>Single</c>), in order.</summary>
    public IReadOnlyList<(bool IsSkip, Expression Count)> Paging => _paging;

    /// <summary>The sort key (of the table or of an index) the query orders by, or null.</summary>
    public IProperty? OrderingProperty { get; private set; }

    /// <summary>Whether the ordering is ascending.</summary>
    public bool OrderAscending { get; private set; }

    /// <summary>The properties the shaper reads (<c>ProjectionExpression</c>), or null when it needs whole items.</summary>
    public IReadOnlyList<IProperty>? Projection { get; private set; }

    /// <summary>The root's PartiQL statement and its values, for <c>FromPartiQL</c> queries.</summary>
    public (string Statement, Expression Arguments)? PartiQL { get; private set; }

    /// <summary>Whether the query returns items or a value computed from their count.</summary>
    public DynamoDbAggregate Aggregate { get; private set; }

    /// <summary>
    /// <c>Sum</c>, <c>Min</c>, <c>Max</c> or <c>Average</c> of the values the <see cref="ClientAggregateShaper"/> reads
    /// from each item (one projected attribute), computed as the pages arrive; null for none.
    /// </summary>
    public string? ClientAggregate { get; private set; }

    /// <summary>The shaper of the values a <see cref="ClientAggregate"/> combines.</summary>
    public Expression? ClientAggregateShaper { get; private set; }

    /// <summary>The query of every item of an entity type: those of its table, narrowed to its types when the table is shared.</summary>
    public static DynamoDbQueryExpression Create(IEntityType entityType)
    {
        var query = new DynamoDbQueryExpression(entityType);
        if (DiscriminatorFilter(entityType) is { } discriminator)
        {
            query.ApplyPredicate(discriminator);
        }

        return query;
    }

    /// <summary>
    /// For an entity type that shares its table: its discriminator attribute must hold the value of the type or of
    /// one of its derived types.
    /// </summary>
    public static DynamoDbFilter? DiscriminatorFilter(IEntityType entityType)
        => entityType.FindDiscriminatorProperty() is { } discriminator
            ? new DynamoDbInFilter(discriminator, Expression.Constant(DiscriminatorValues(entityType)))
            : null;

    /// <summary>The discriminator values of an entity type and its derived types: those its items may hold.</summary>
    public static object?[] DiscriminatorValues(IEntityType entityType)
        => entityType.GetConcreteDerivedTypesInclusive().Select(t => t.GetDiscriminatorValue()).ToArray();

    public override Type Type => typeof(object);

    public override ExpressionType NodeType => ExpressionType.Extension;

    public void ApplyPredicate(DynamoDbFilter filter) => Predicate = Predicate == null ? filter : new DynamoDbLogicalFilter(true, Predicate, filter);

    public void ApplyTake(Expression count) => _paging.Add((false, count));

    public void ApplySkip(Expression count) => _paging.Add((true, count));

    public void ApplyOrdering(IProperty property, bool ascending) => (OrderingProperty, OrderAscending) = (property, ascending);

    public void ApplyProjection(IReadOnlyList<IProperty>? properties) => Projection = properties;

    public void ApplyPartiQL(string statement, Expression arguments) => PartiQL = (statement, arguments);

    public void ApplyAggregate(DynamoDbAggregate aggregate) => Aggregate = aggregate;

    public void ApplyClientAggregate(string method, Expression valueShaper) => (ClientAggregate, ClientAggregateShaper) = (method, valueShaper);

    protected override Expression VisitChildren(ExpressionVisitor visitor) => this;

    public void Print(ExpressionPrinter expressionPrinter)
    {
        expressionPrinter.Append("DynamoDb(" + TableName + ")");
        if (Predicate != null)
        {
            expressionPrinter.Append(" WHERE " + Predicate);
        }

        if (OrderingProperty != null)
        {
            expressionPrinter.Append(" ORDER BY " + OrderingProperty.Name + (OrderAscending ? " ASC" : " DESC"));
        }

        foreach (var (isSkip, count) in _paging)
        {
            expressionPrinter.Append(isSkip ? " SKIP " : " TAKE ");
            expressionPrinter.Visit(count);
        }
    }
}
