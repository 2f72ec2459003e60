using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// A comparison of a member of one element of a complex or owned collection, by constant index: <c>#list[i].#member op :value</c>.
/// </summary>
internal sealed record DynamoDbElementMemberComparisonFilter(
    IPropertyBase Collection, int Index, IProperty Property, DynamoDbComparisonOperator Operator, DynamoDbValueOperand Value) : DynamoDbFilter;
