using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// A comparison of a member of one element of a complex collection, by constant index: <c>#list[i].#member op :value</c>.
/// </summary>
internal sealed record DynamoDbElementMemberComparisonFilter(
    IComplexProperty Collection, int Index, IProperty Property, DynamoDbComparisonOperator Operator, DynamoDbValueOperand Value) : DynamoDbFilter;
