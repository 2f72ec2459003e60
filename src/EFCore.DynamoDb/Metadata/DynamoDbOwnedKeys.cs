using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Metadata;

/// <summary>
/// The key properties of owned entity types that are not stored: the ownership foreign key (the owner's key) and,
/// for an owned collection, the shadow ordinal key that EF Core adds (the element's position, from 1).
/// </summary>
internal static class DynamoDbOwnedKeys
{
    /// <summary>The shadow ordinal key property of an owned collection element type, if it has one.</summary>
    public static IProperty? FindOrdinal(IEntityType ownedType)
        => ownedType.FindOwnership() is { PrincipalToDependent.IsCollection: true } ownership
            ? ownedType.FindPrimaryKey()?.Properties.FirstOrDefault(p => p.IsShadowProperty() && !ownership.Properties.Contains(p))
            : null;

    /// <summary>Whether a navigation leads from an owner to the owned entities stored inside its item.</summary>
    public static bool IsOwnedNavigation(IReadOnlyNavigation navigation) => navigation.ForeignKey.IsOwnership && !navigation.IsOnDependent;

    /// <summary>Whether a property of an owned entity type comes from its owner or position rather than from its map.</summary>
    public static bool IsNotStored(IProperty property)
        => property.DeclaringType is IEntityType entityType
            && entityType.FindOwnership() is { } ownership
            && (ownership.Properties.Contains(property) || property == FindOrdinal(entityType));

    /// <summary>The entity type whose item holds the entities of a type: the type itself, or its outermost owner.</summary>
    public static IEntityType ItemOwner(IEntityType entityType)
    {
        while (entityType.FindOwnership() is { } ownership)
        {
            entityType = ownership.PrincipalEntityType;
        }

        return entityType;
    }
}
