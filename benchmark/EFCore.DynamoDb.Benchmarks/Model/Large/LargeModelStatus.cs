namespace EFCore.DynamoDb.Benchmarks.Model.Large;

/// <summary>A status column, as business tables have one.</summary>
public enum LargeModelStatus
{
    Draft,
    Open,
    Closed,
}
