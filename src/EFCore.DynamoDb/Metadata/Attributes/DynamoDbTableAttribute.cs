namespace Microsoft.EntityFrameworkCore;

/// <summary>Names the DynamoDB table an entity type is stored in.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DynamoDbTableAttribute : Attribute
{
    /// <summary>Names the DynamoDB table an entity type is stored in.</summary>
    public DynamoDbTableAttribute(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The table name.</summary>
    public string Name { get; }
}
