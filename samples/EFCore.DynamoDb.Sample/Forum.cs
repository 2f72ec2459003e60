namespace EFCore.DynamoDb.Sample;

/// <summary>A forum: one item of the <c>forums</c> table, addressed by its name alone (a partition key, no sort key).</summary>
public class Forum
{
    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public int Threads { get; set; }

    public int Messages { get; set; }
}
