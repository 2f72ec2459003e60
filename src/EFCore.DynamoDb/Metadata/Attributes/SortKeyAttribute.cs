namespace Microsoft.EntityFrameworkCore;

/// <summary>Marks the property that is the DynamoDB sort (RANGE) key of its table.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SortKeyAttribute : Attribute;
