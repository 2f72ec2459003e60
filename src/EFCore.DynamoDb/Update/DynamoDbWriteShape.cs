using EFCore.DynamoDb.Metadata;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Update;

/// <summary>
/// What writing an entity type's items needs and never changes, computed once per entity type of the runtime model:
/// its stored properties, whether it holds complex or owned values, its key attributes and the insert conditions.
/// </summary>
internal sealed class DynamoDbWriteShape
{
    private DynamoDbWriteShape(IEntityType entityType)
    {
        Properties = entityType.GetFlattenedProperties().Where(p => !DynamoDbOwnedKeys.IsNotStored(p)).ToArray();
        ValueProperties = Properties.Where(p => !p.IsPrimaryKey()).ToArray();
        HasComplexValues = entityType.GetFlattenedComplexProperties().Any();
        OwnedNavigations = entityType.GetNavigations().Where(DynamoDbOwnedKeys.IsOwnedNavigation).ToArray();
        KeyAttributeNames = entityType.FindPrimaryKey()!.Properties.Select(p => p.GetAttributeName()).ToArray();
        Sizes = Properties.Select(p => (
                System.Text.Encoding.UTF8.GetByteCount(p.GetAttributeName()),
                (p.GetTypeMapping().Converter?.ProviderClrType ?? p.ClrType).IsValueType))
            .ToArray();

        var writer = new DynamoDbExpressionWriter();
        var partitionKey = writer.Name(KeyAttributeNames[0]);
        KeyAliases = writer.Names;
        InsertCondition = $"attribute_not_exists({partitionKey})";
        ReplaceCondition = $"attribute_exists({partitionKey})";
    }

    /// <summary>
    /// The properties stored in the item or map: the entity type's and its complex values', without the keys an owned
    /// entity takes from its owner and position.
    /// </summary>
    public IProperty[] Properties { get; }

    /// <summary>
    /// For each of <see cref="Properties"/>: the bytes of its attribute name, and whether its stored value is a scalar
    /// of bounded size (neither a string, nor binary, nor a collection).
    /// </summary>
    public (int NameBytes, bool IsBounded)[] Sizes { get; }

    /// <summary>The stored properties an update may change: all but the primary key.</summary>
    public IProperty[] ValueProperties { get; }

    /// <summary>Whether the entity type has complex values (whose members are left out when the value is null).</summary>
    public bool HasComplexValues { get; }

    /// <summary>The owned navigations whose entities are stored in the item.</summary>
    public INavigation[] OwnedNavigations { get; }

    /// <summary>The attribute names of the primary key, partition key first.</summary>
    public string[] KeyAttributeNames { get; }

    /// <summary>The <c>ExpressionAttributeNames</c> of the insert conditions; shared by requests, never changed.</summary>
    public Dictionary<string, string> KeyAliases { get; }

    /// <summary>An insert: no item with the key exists.</summary>
    public string InsertCondition { get; }

    /// <summary>An insert replacing an item deleted in the same save: the item exists.</summary>
    public string ReplaceCondition { get; }

    public static DynamoDbWriteShape Of(IEntityType entityType)
        => entityType.GetOrAddRuntimeAnnotationValue(DynamoDbAnnotationNames.WriteShape, static t => new DynamoDbWriteShape(t!), entityType);
}
