using System.Text.Json.Serialization;

namespace EFCore.DynamoDb.Sample;

/// <summary>
/// A forum: one item of the <c>forums</c> table, in its own partition (<see cref="Name"/>) under the sort key
/// <see cref="ItemKind"/>; its threads are the other items of that partition (an item collection).
/// </summary>
public class Forum
{
    /// <summary>The sort key of every forum item, which no thread subject may take.</summary>
    public const string ItemKind = "#forum";

    public string Name { get; set; } = "";

    [JsonIgnore]
    public string Kind { get; set; } = ItemKind;

    public string? Description { get; set; }

    public int ThreadCount { get; set; }

    public int Messages { get; set; }

    /// <summary>The forum's threads: loaded with <c>Include(f => f.Threads)</c>, by the same Query as the forum.</summary>
    public List<ForumThread> Threads { get; set; } = [];
}
