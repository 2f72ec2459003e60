using System.Collections;
using System.Linq.Expressions;
using Amazon.DynamoDBv2.Model;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// <c>values.Any(v => v.A == x.P &amp;&amp; v.B == x.Q)</c> over a constant or parameter collection: the item matches one
/// element on every component. Over the table's full primary key it is a list of keys, read with <c>BatchGetItem</c>;
/// elsewhere it is written as <c>(#P = :v0 AND #Q = :v1) OR ...</c>.
/// </summary>
/// <param name="Components">Each property compared, with a reader of the element member it is compared with, written as the property's value.</param>
/// <param name="Values">The collection, expanded per execution.</param>
internal sealed record DynamoDbTupleInFilter(IReadOnlyList<(IProperty Property, Func<object, AttributeValue?> Member)> Components, Expression Values)
    : DynamoDbFilter
{
    private readonly DynamoDbClientValue _collection = new(Values);

    /// <summary>The equalities each element of one execution asks for, in the collection's order.</summary>
    public IEnumerable<IReadOnlyList<DynamoDbComparisonFilter>> Evaluate(IReadOnlyDictionary<string, object?> parameters)
    {
        var collection = (IEnumerable?)_collection.Evaluate(parameters);

        foreach (var element in collection ?? Array.Empty<object>())
        {
            yield return Components.Select(c => DynamoDbComparisonFilter.Equal(c.Property, c.Member(element!))).ToList();
        }
    }

    /// <summary>The OR of each element's ANDed equalities for one execution; null when the collection is empty.</summary>
    public DynamoDbFilter? Expand(IReadOnlyDictionary<string, object?> parameters)
        => Evaluate(parameters)
            .Select(equalities => And(equalities))
            .Aggregate((DynamoDbFilter?)null, (left, right) => left == null ? right : new DynamoDbLogicalFilter(false, left, right!));
}
