using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>A DynamoDB condition function of an attribute and a value: <c>begins_with(#a, :v)</c> or <c>contains(#a, :v)</c>.</summary>
internal sealed record DynamoDbFunctionFilter(string Function, IProperty Property, DynamoDbValueOperand Value) : DynamoDbFilter
{
    public const string BeginsWith = "begins_with";
    public const string Contains = "contains";
}
