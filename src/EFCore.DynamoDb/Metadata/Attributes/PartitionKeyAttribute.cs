namespace Microsoft.EntityFrameworkCore;

/// <summary>Marks the property that is the DynamoDB partition (HASH) key of its table.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class PartitionKeyAttribute : Attribute;
