using System.Globalization;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Metadata;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.Update;

/// <summary>
/// Writes the document of an entry: its values at their paths, its complex collections as lists of maps, and its
/// owned entities as maps and lists of maps inside the owner's item. Used for whole items (inserts) and for the maps
/// and lists an update replaces whole; checks each value against the model's constraints and DynamoDB's rules.
/// </summary>
internal static class DynamoDbDocumentWriter
{
    /// <summary>The attribute value of a property's value, or null for none; a value DynamoDB cannot store is refused naming the property.</summary>
    public static AttributeValue? ToAttributeValue(IUpdateEntry entry, IProperty property, object? value)
    {
        try
        {
            return ((DynamoDbTypeMapping)property.GetTypeMapping()).ToAttributeValue(value);
        }
        catch (InvalidOperationException exception)
        {
            throw new InvalidOperationException(
                DynamoDbStrings.InvalidPropertyValue(entry.EntityType.DisplayName(), property.Name, exception.Message), exception);
        }
    }

    /// <summary>Writes an entry's complex collections into its document.</summary>
    public static void WriteComplexCollections(IUpdateEntry entry, Dictionary<string, AttributeValue> document)
    {
        foreach (var collection in ComplexCollections(entry))
        {
            if (DynamoDbComplexValueWriter.ToList(collection, entry.GetCurrentValue(collection)) is { } list)
            {
                SetAtPath(document, collection.GetDocumentPath(), list);
            }
        }
    }

    /// <summary>
    /// Writes the owned entities of an entry into its document: an owned reference as a map at its path (its members
    /// have paths in the same document), an owned collection as a list of maps, each element a document of its own.
    /// </summary>
    public static void WriteOwnedNavigations(
        IUpdateEntry owner, Dictionary<string, AttributeValue> document, List<(IUpdateEntry, IProperty, object)> generated)
    {
        foreach (var navigation in DynamoDbWriteShape.Of(owner.EntityType).OwnedNavigations)
        {
            if (owner.GetCurrentValue(navigation) is not { } value)
            {
                continue;
            }

            if (navigation.IsCollection)
            {
                SetAtPath(document, navigation.GetDocumentPath(), ToList(owner, navigation, value, generated));
            }
            else
            {
                SetAtPath(document, navigation.GetDocumentPath(), new AttributeValue { M = [] });
                WriteOwnedEntity(EntryOf(owner, navigation, value), document, generated);
            }
        }
    }

    /// <summary>An owned reference written whole: the map at its navigation's path.</summary>
    public static AttributeValue OwnedReference(IUpdateEntry entry, INavigation navigation, List<(IUpdateEntry, IProperty, object)> generated)
    {
        var document = new Dictionary<string, AttributeValue>();
        SetAtPath(document, navigation.GetDocumentPath(), new AttributeValue { M = [] });
        WriteOwnedEntity(entry, document, generated);
        var path = navigation.GetDocumentPath();
        var value = document[path[0]];
        for (var i = 1; i < path.Count; i++)
        {
            value = value.M[path[i]];
        }

        return value;
    }

    /// <summary>
    /// An owned collection as a list of maps, in the collection's order. New elements get the next unused position as
    /// their ordinal key (it is not stored: elements read back are numbered by position).
    /// </summary>
    public static AttributeValue ToList(
        IUpdateEntry owner, INavigation navigation, object collection, List<(IUpdateEntry, IProperty, object)> generated)
    {
        var entries = ((System.Collections.IEnumerable)collection).Cast<object>().Select(e => EntryOf(owner, navigation, e)).ToList();
        var ordinal = DynamoDbOwnedKeys.FindOrdinal(navigation.TargetEntityType);
        var next = ordinal == null ? 0 : entries.Where(e => !e.HasTemporaryValue(ordinal)).Select(e => Convert.ToInt64(e.GetCurrentValue(ordinal), CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max() + 1;
        var elements = new List<AttributeValue>(entries.Count);
        foreach (var entry in entries)
        {
            if (ordinal != null && entry.HasTemporaryValue(ordinal))
            {
                Generate(generated, entry, ordinal, Convert.ChangeType(next++, ordinal.ClrType, CultureInfo.InvariantCulture));
            }

            var element = new Dictionary<string, AttributeValue>();
            WriteOwnedEntity(entry, element, generated);
            elements.Add(new AttributeValue { M = element });
        }

        return new AttributeValue { L = elements };
    }

    /// <summary>The tracked entry of an owned entity held by an owner's navigation.</summary>
    public static IUpdateEntry EntryOf(IUpdateEntry owner, INavigation navigation, object entity)
        => ((InternalEntityEntry)owner).StateManager.TryGetEntry(entity, navigation.TargetEntityType)
            ?? throw new InvalidOperationException(DynamoDbStrings.OwnedEntityWithoutOwner(navigation.TargetEntityType.DisplayName()));

    /// <summary>The complex collections of the entry's entity, outside complex values that are null.</summary>
    public static IEnumerable<IComplexProperty> ComplexCollections(IUpdateEntry entry)
        => entry.EntityType.GetFlattenedComplexProperties().Where(c => c.IsCollection && !InNullComplexValue(entry, c));

    /// <summary>Whether the property belongs to a complex value that is null (its map is left out).</summary>
    public static bool InNullComplexValue(IUpdateEntry entry, IPropertyBase property)
    {
        for (var type = property.DeclaringType; type is IComplexType complexType; type = complexType.ComplexProperty.DeclaringType)
        {
            if (entry.GetCurrentValue(complexType.ComplexProperty) == null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Puts a value at a document path of an item, creating the maps on the way.</summary>
    public static void SetAtPath(Dictionary<string, AttributeValue> item, IReadOnlyList<string> path, AttributeValue value)
    {
        var map = item;
        for (var i = 0; i < path.Count - 1; i++)
        {
            if (!map.TryGetValue(path[i], out var nested))
            {
                map[path[i]] = nested = new AttributeValue { M = [] };
            }

            map = nested.M;
        }

        map[path[^1]] = value;
    }

    /// <summary>Records a value the provider generates, given to the entry once the write succeeded; returns it.</summary>
    public static object Generate(List<(IUpdateEntry, IProperty, object)> generated, IUpdateEntry entry, IProperty property, object value)
    {
        generated.Add((entry, property, value));
        return value;
    }

    /// <summary>The constraints of an owned entity's member, which is identified by its owner's item.</summary>
    public static void CheckOwnedConstraints(IUpdateEntry entry, IProperty property, object? value)
    {
        if (DynamoDbConstraints.Violation(property, value) is { } violation)
        {
            throw DynamoDbConstraints.Failed(entry, property, violation, DynamoDbStrings.OwnedEntityKey);
        }
    }

    private static void WriteOwnedEntity(
        IUpdateEntry entry, Dictionary<string, AttributeValue> document, List<(IUpdateEntry, IProperty, object)> generated)
    {
        foreach (var property in DynamoDbWriteShape.Of(entry.EntityType).Properties.Where(p => !InNullComplexValue(entry, p)))
        {
            var value = entry.GetCurrentValue(property);
            CheckOwnedConstraints(entry, property, value);
            if (ToAttributeValue(entry, property, value) is { } attribute)
            {
                SetAtPath(document, property.GetAttributePath(), attribute);
            }
        }

        WriteComplexCollections(entry, document);
        WriteOwnedNavigations(entry, document, generated);
    }
}
