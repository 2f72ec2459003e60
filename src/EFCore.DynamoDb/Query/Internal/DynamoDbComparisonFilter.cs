using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// A comparison of an attribute operand with a value: <c>#attr op :value</c>, <c>#list[i] op :value</c>,
/// <c>#list[i].#member op :value</c> or <c>size(#attr) op :value</c>.
/// </summary>
internal sealed record DynamoDbComparisonFilter(DynamoDbAttributeOperand Attribute, DynamoDbComparisonOperator Operator, DynamoDbValueOperand Value)
    : DynamoDbFilter
{
    /// <summary>The property compared as a whole (as key conditions compare keys); null for an element, member or size.</summary>
    public IProperty? Property => Attribute.WholeProperty;

    /// <summary>A comparison of a property's whole attribute with a value.</summary>
    public static DynamoDbComparisonFilter Of(IProperty property, DynamoDbComparisonOperator op, Expression value)
        => new(DynamoDbAttributeOperand.Of(property), op, DynamoDbValueOperand.Of(property, value));

    /// <summary>The equality of a property's whole attribute with a value already written for one execution.</summary>
    public static DynamoDbComparisonFilter Equal(IProperty property, Amazon.DynamoDBv2.Model.AttributeValue? value)
        => new(DynamoDbAttributeOperand.Of(property), DynamoDbComparisonOperator.Equal, DynamoDbValueOperand.Written(value));
}
