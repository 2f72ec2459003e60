using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage;

namespace EFCore.DynamoDb.Update;

/// <summary>
/// Builds an update expression, <c>SET … REMOVE … ADD … DELETE …</c>, for SaveChanges and for <c>ExecuteUpdate</c>
/// alike: names and values go behind the aliases of the write's <see cref="DynamoDbExpressionWriter"/>, so that its
/// condition shares them. Counts the bytes of the values it sets, for the item size checks.
/// </summary>
internal sealed class DynamoDbUpdateExpressionBuilder(DynamoDbExpressionWriter writer)
{
    // Made on first use: most updates have one or two kinds of clause.
    private List<string>? _sets;
    private List<string>? _removes;
    private List<string>? _adds;
    private List<string>? _deletes;

    /// <summary>The bytes of the attribute values set and added so far.</summary>
    public long ValueBytes { get; private set; }

    /// <summary><c>SET path = value</c>, or <c>REMOVE path</c> for null (DynamoDB stores no null attribute).</summary>
    public void Assign(string path, AttributeValue? value)
    {
        if (value == null)
        {
            Remove(path);
        }
        else
        {
            (_sets ??= []).Add($"{path} = {Value(value)}");
        }
    }

    /// <summary><c>REMOVE path</c> (once, however often asked).</summary>
    public void Remove(string path)
    {
        _removes ??= [];
        if (!_removes.Contains(path))
        {
            _removes.Add(path);
        }
    }

    /// <summary><c>SET path = if_not_exists(path, 0) ± amount</c>: an atomic counter that starts from zero.</summary>
    public void Increment(string path, AttributeValue amount, bool subtract)
    {
        var zero = writer.Value(new AttributeValue { N = "0" });
        (_sets ??= []).Add($"{path} = if_not_exists({path}, {zero}) {(subtract ? "-" : "+")} {Value(amount)}");
    }

    /// <summary><c>SET path = list_append(if_not_exists(path, []), elements)</c>.</summary>
    public void Append(string path, AttributeValue elements)
    {
        var empty = writer.Value(new AttributeValue { L = [] });
        (_sets ??= []).Add($"{path} = list_append(if_not_exists({path}, {empty}), {Value(elements)})");
    }

    /// <summary><c>ADD path elements</c>: adds to a set (creating it).</summary>
    public void AddToSet(string path, AttributeValue elements) => (_adds ??= []).Add($"{path} {Value(elements)}");

    /// <summary><c>DELETE path elements</c>: removes from a set.</summary>
    public void RemoveFromSet(string path, AttributeValue elements) => (_deletes ??= []).Add($"{path} {writer.Value(elements)}");

    /// <summary>The update expression, or null when nothing changes.</summary>
    public string? Build()
    {
        var text = Clause(null, "SET", _sets);
        text = Clause(text, "REMOVE", _removes);
        text = Clause(text, "ADD", _adds);
        return Clause(text, "DELETE", _deletes);
    }

    private static string? Clause(string? text, string keyword, List<string>? actions)
        => actions == null ? text : (text == null ? "" : text + " ") + keyword + " " + string.Join(", ", actions);

    private string Value(AttributeValue value)
    {
        ValueBytes += DynamoDbItemSize.Of(value);
        return writer.Value(value);
    }
}
