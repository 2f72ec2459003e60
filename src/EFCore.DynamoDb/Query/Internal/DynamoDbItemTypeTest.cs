using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Tells, by its discriminator attribute, whether an item of a shared table holds an entity type (or one of its
/// derived types). Every item passes for a type that does not share its table.
/// </summary>
internal sealed class DynamoDbItemTypeTest
{
    private readonly string? _attributeName;
    private readonly HashSet<string>? _values;

    public DynamoDbItemTypeTest(IEntityType entityType)
    {
        if (entityType.FindDiscriminatorProperty() is { } discriminator)
        {
            var mapping = (DynamoDbTypeMapping)discriminator.GetTypeMapping();
            _attributeName = discriminator.GetAttributeName();
            _values = DynamoDbQueryExpression.DiscriminatorValues(entityType).Select(v => Text(mapping.ToAttributeValue(v)!)).OfType<string>().ToHashSet();
        }
    }

    public bool Matches(Dictionary<string, AttributeValue> item)
        => _attributeName == null
            || (item.TryGetValue(_attributeName, out var value) && Text(value) is { } text && _values!.Contains(text));

    /// <summary>A discriminator's stored text: discriminators are strings, or numbers when converted so.</summary>
    private static string? Text(AttributeValue value) => value.S ?? value.N;
}
