namespace EFCore.DynamoDb.Sample;

/// <summary>
/// A thread of a forum: an item of the <c>forums</c> table in its forum's partition (<see cref="ForumName"/>),
/// kept in <see cref="Subject"/> order inside it, next to the forum's own item.
/// </summary>
public class ForumThread
{
    public string ForumName { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Message { get; set; } = "";

    public string LastPostedBy { get; set; } = "";

    public int Views { get; set; }

    public int Replies { get; set; }

    public DateTimeOffset LastPostedAt { get; set; }

    /// <summary>Comma-separated tags. (A <c>HashSet&lt;string&gt;</c> would be a DynamoDB string set, once the provider maps collections.)</summary>
    public string? Tags { get; set; }
}
