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
            _values = entityType.GetConcreteDerivedTypesInclusive()
                .Select(t => DynamoDbRequestPrinter.PrintValue(mapping.ToAttributeValue(t.GetDiscriminatorValue())!))
                .ToHashSet();
        }
    }

    public bool Matches(Dictionary<string, AttributeValue> item)
        => _attributeName == null
            || (item.TryGetValue(_attributeName, out var value) && _values!.Contains(DynamoDbRequestPrinter.PrintValue(value)));
}
