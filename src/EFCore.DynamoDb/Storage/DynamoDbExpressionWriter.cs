using Amazon.DynamoDBv2.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Storage;

/// <summary>
/// Writes DynamoDB expression text. Every attribute name goes behind an <c>ExpressionAttributeNames</c> alias
/// (so reserved words just work) and every value behind an <c>ExpressionAttributeValues</c> placeholder.
/// </summary>
internal sealed class DynamoDbExpressionWriter
{
    private readonly Dictionary<string, string> _aliasesByName = [];

    public Dictionary<string, string> Names { get; } = [];

    public Dictionary<string, AttributeValue> Values { get; } = [];

    /// <summary>The alias of an attribute name: <c>#name</c> when the name is a plain identifier.</summary>
    public string Name(string attributeName)
    {
        if (_aliasesByName.TryGetValue(attributeName, out var alias))
        {
            return alias;
        }

        var stem = "#" + (attributeName.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? attributeName : "n");
        alias = stem;
        for (var suffix = 0; Names.ContainsKey(alias); suffix++)
        {
            alias = stem + suffix;
        }

        _aliasesByName[attributeName] = alias;
        Names[alias] = attributeName;
        return alias;
    }

    /// <summary>The aliased document path of a property: <c>#Address.#City</c> for a member of a complex property.</summary>
    public string Path(IReadOnlyPropertyBase property) => Path(property.GetDocumentPath());

    /// <summary>A document path (names of nested maps, outermost first) with a placeholder for each name.</summary>
    public string Path(IReadOnlyList<string> path) => string.Join(".", path.Select(Name));

    /// <summary>The placeholder of a value.</summary>
    public string Value(AttributeValue value)
    {
        var placeholder = ":v" + Values.Count;
        Values[placeholder] = value;
        return placeholder;
    }
}
