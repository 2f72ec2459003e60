using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Internal;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Query;
using EFCore.DynamoDb.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Loads an owned navigation from the owner's document: an owned reference from its map, an owned collection from its
/// list of maps (in order; the unstored ordinal key is the position, from 1). Owned entities get their owner's key as
/// their ownership foreign key; in tracking queries they are tracked (EF Core's fix-up sets the navigations),
/// otherwise the navigations are set here. Nested owned navigations are loaded by <see cref="Children"/>.
/// </summary>
internal sealed class DynamoDbOwnedNavigationLoader(
    INavigation navigation,
    Func<Dictionary<string, AttributeValue>, object?[]> readValues,
    Func<MaterializationContext, Dictionary<string, AttributeValue>, object> materialize,
    IReadOnlyList<DynamoDbOwnedNavigationLoader> children)
{
    private readonly IEntityType _targetType = navigation.TargetEntityType;
    private readonly string[] _path = navigation.GetDocumentPath().ToArray();
    private readonly IProperty? _ordinal = DynamoDbOwnedKeys.FindOrdinal(navigation.TargetEntityType);
    private readonly IReadOnlyList<IProperty> _foreignKey = navigation.ForeignKey.Properties;
    private readonly IReadOnlyList<IProperty> _key = navigation.TargetEntityType.FindPrimaryKey()!.Properties;
    private readonly IProperty[] _shadowProperties = navigation.TargetEntityType.GetProperties().Where(p => p.IsShadowProperty()).ToArray();

    public INavigation Navigation { get; } = navigation;

    public IReadOnlyList<DynamoDbOwnedNavigationLoader> Children { get; } = children;

    /// <summary>Loads the navigation of <paramref name="owner"/>, whose document (item or list element) is given.</summary>
    public void Load(QueryContext queryContext, object owner, object?[] ownerKey, Dictionary<string, AttributeValue> document, bool tracking)
    {
        if (!Navigation.DeclaringEntityType.ClrType.IsInstanceOfType(owner))
        {
            // A navigation of a derived type, and an owner of another type of the hierarchy.
            return;
        }

        var stateManager = tracking ? ((IDbContextDependencies)queryContext.Context).StateManager : null;
        if (stateManager?.TryGetEntry(owner)?.IsLoaded(Navigation) == true)
        {
            // The owner was already tracked with this navigation: the tracked state wins, as in every EF Core query.
            return;
        }

        var value = DynamoDbItemReadingExpressionVisitor.FindAttribute(document, _path);
        if (Navigation.IsCollection && stateManager == null)
        {
            // Without tracking the collection is built and set whole: an owner returned twice (identity resolution)
            // or one whose constructor filled the collection gets the stored elements, once.
            ((IRuntimePropertyBase)Navigation).GetSetter().SetClrValueUsingContainingEntity(owner, Read(queryContext, ownerKey, document, owner));
        }
        else if (Navigation.IsCollection)
        {
            Navigation.GetCollectionAccessor()!.GetOrCreate(owner, forMaterialization: true);
            var elements = value?.L ?? [];
            for (var i = 0; i < elements.Count; i++)
            {
                if (elements[i].M is { } element)
                {
                    Create(queryContext, stateManager, owner, ownerKey, element, i + 1);
                }
            }
        }
        else if (value?.M != null)
        {
            // An owned reference's members have paths from the same document as its owner's.
            Create(queryContext, stateManager, owner, ownerKey, document, ordinal: null);
        }

        if (stateManager != null)
        {
            queryContext.SetNavigationIsLoaded(owner, Navigation);
        }
    }

    /// <summary>
    /// The owned entity, or the collection of owned entities, read on its own (projected without its owner): not
    /// tracked, with its own owned navigations loaded.
    /// </summary>
    public object? Read(QueryContext queryContext, object?[] ownerKey, Dictionary<string, AttributeValue> document)
        => Read(queryContext, ownerKey, document, owner: null);

    private object? Read(QueryContext queryContext, object?[] ownerKey, Dictionary<string, AttributeValue> document, object? owner)
    {
        var value = DynamoDbItemReadingExpressionVisitor.FindAttribute(document, _path);
        if (!Navigation.IsCollection)
        {
            return value?.M == null ? null : Create(queryContext, null, owner, ownerKey, document, ordinal: null);
        }

        var accessor = Navigation.GetCollectionAccessor()!;
        var collection = accessor.Create();
        var elements = value?.L ?? [];
        for (var i = 0; i < elements.Count; i++)
        {
            if (elements[i].M is { } element)
            {
                var entity = Create(queryContext, null, owner: null, ownerKey, element, i + 1);
                accessor.AddStandalone(collection, entity);
                if (owner != null && Navigation.Inverse is IRuntimePropertyBase inverse)
                {
                    inverse.GetSetter().SetClrValueUsingContainingEntity(entity, owner);
                }
            }
        }

        return collection;
    }

    private object Create(
        QueryContext queryContext, IStateManager? stateManager, object? owner, object?[] ownerKey, Dictionary<string, AttributeValue> document, int? ordinal)
    {
        var values = readValues(document);
        for (var i = 0; i < _foreignKey.Count; i++)
        {
            values[_foreignKey[i].GetIndex()] = ownerKey[i];
        }

        if (_ordinal != null && ordinal != null)
        {
            values[_ordinal.GetIndex()] = Convert.ChangeType(ordinal.Value, _ordinal.ClrType, CultureInfo.InvariantCulture);
        }

        var key = _key.Select(p => values[p.GetIndex()]).ToArray();
        if (stateManager?.TryGetEntry(_targetType.FindPrimaryKey()!, key!) is { } existing)
        {
            LoadChildren(queryContext, existing.Entity, key, document, tracking: true);
            return existing.Entity;
        }

        var entity = materialize(new MaterializationContext(new ValueBuffer(values), queryContext.Context), document);
        if (stateManager != null)
        {
            var shadowValues = _shadowProperties.ToDictionary(p => p.Name, p => values[p.GetIndex()]);
            queryContext.StartTracking(_targetType, entity, ((IRuntimeEntityType)_targetType).ShadowValuesFactory(shadowValues));
        }
        else if (owner != null)
        {
            if (Navigation.IsCollection)
            {
                Navigation.GetCollectionAccessor()!.Add(owner, entity, forMaterialization: true);
            }
            else
            {
                ((IRuntimePropertyBase)Navigation).GetSetter().SetClrValueUsingContainingEntity(owner, entity);
            }

            if (Navigation.Inverse is IRuntimePropertyBase inverse)
            {
                inverse.GetSetter().SetClrValueUsingContainingEntity(entity, owner);
            };
        }

        LoadChildren(queryContext, entity, key, document, stateManager != null);
        return entity;
    }

    private void LoadChildren(QueryContext queryContext, object entity, object?[] key, Dictionary<string, AttributeValue> document, bool tracking)
    {
        foreach (var child in Children)
        {
            child.Load(queryContext, entity, key, document, tracking);
        }
    }
}
