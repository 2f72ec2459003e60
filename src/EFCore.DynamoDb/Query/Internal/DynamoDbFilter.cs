namespace EFCore.DynamoDb.Query.Internal;

/// <summary>A node of a translated predicate: becomes a key condition or a filter expression.</summary>
internal abstract record DynamoDbFilter
{
    /// <summary>The conjuncts of this filter: its operands when it is an AND, else itself.</summary>
    public IEnumerable<DynamoDbFilter> Conjuncts()
        => this is DynamoDbLogicalFilter { IsAnd: true } and
            ? and.Left.Conjuncts().Concat(and.Right.Conjuncts())
            : [this];

    /// <summary>Combines filters with AND; null for none.</summary>
    public static DynamoDbFilter? And(IEnumerable<DynamoDbFilter> filters)
        => filters.Aggregate((DynamoDbFilter?)null, (left, right) => left == null ? right : new DynamoDbLogicalFilter(true, left, right));
}
