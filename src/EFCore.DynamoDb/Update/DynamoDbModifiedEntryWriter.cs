using EFCore.DynamoDb.Infrastructure;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.Update;

/// <summary>
/// A modified entry (or one whose owned entities changed) → an update of only what changed: <c>SET</c> of changed
/// values at their paths (siblings in maps survive), <c>REMOVE</c> of nulls, whole maps and lists for complex values
/// and owned entities that appeared, vanished or changed in a collection; row versions incremented; conditioned on
/// the item existing and its concurrency tokens.
/// </summary>
internal sealed class DynamoDbModifiedEntryWriter(DynamoDbContextSettings settings) : DynamoDbEntryWriter(settings)
{
    private static readonly IReadOnlyCollection<IComplexProperty> NoComplexProperties = [];

    public override DynamoDbWriteCommand Create(DynamoDbOwnedChanges changes)
    {
        var entry = changes.Root;
        var shape = DynamoDbWriteShape.Of(entry.EntityType);
        var generated = new List<(IUpdateEntry, IProperty, object)>();
        var writer = new DynamoDbExpressionWriter();
        var key = KeyAttributes(entry, entry.EntityType.FindPrimaryKey()!);
        var (condition, _) = ExistsUnchanged(entry, writer);
        var update = new DynamoDbUpdateExpressionBuilder(writer);

        var replaced = shape.HasComplexValues ? UpdateOptionalComplexValues(entry, writer, update) : NoComplexProperties;
        foreach (var property in shape.ValueProperties)
        {
            if (IsInside(property, replaced))
            {
                continue;
            }

            object? value;
            if (DynamoDbRowVersion.IsRowVersion(property))
            {
                value = DynamoDbDocumentWriter.Generate(generated, entry, property, DynamoDbRowVersion.Next(property, entry.GetOriginalValue(property)));
            }
            else if (entry.IsModified(property))
            {
                value = entry.GetCurrentValue(property);
                CheckConstraints(entry, property, value);
            }
            else
            {
                continue;
            }

            // A member of a complex property is written at its path inside the map: siblings survive.
            update.Assign(writer.Path(property), DynamoDbDocumentWriter.ToAttributeValue(entry, property, value));
        }

        if (shape.HasComplexValues)
        {
            UpdateComplexCollections(entry, writer, update, replaced);
        }

        if (shape.OwnedNavigations.Length > 0)
        {
            UpdateOwnedNavigations(entry, changes, writer, update, generated);
        }

        CheckSize(entry, SizeAfterUpdate(entry, shape));
        var size = DynamoDbItemSize.Of(key) + update.ValueBytes;
        var write = new DynamoDbItemWrite
        {
            Kind = DynamoDbItemWriteKind.Update,
            TableName = TableName(entry.EntityType),
            Key = key,
            UpdateExpression = update.Build(),
            ConditionExpression = condition,
            Names = writer.Names,
            Values = writer.Values.Count > 0 ? writer.Values : null,
            Size = size,
        };
        return new DynamoDbWriteCommand(entry, write, generated, canBatch: false) { OwnedEntries = changes.OwnedEntries };
    }

    /// <summary>A stored scalar that is neither a string nor binary takes at most this many bytes (numbers 21, dates and Guids as text up to 36).</summary>
    private const int MaxOtherScalarBytes = 40;

    /// <summary>
    /// The size of the item after the update, from the tracked values: strings and binary values by their bytes, other
    /// scalars by an upper bound (without reading them), collections, complex collections and owned entities as they
    /// are written. Attributes the model does not map are not known, and not counted.
    /// </summary>
    private static long SizeAfterUpdate(IUpdateEntry entry, DynamoDbWriteShape shape)
    {
        long size = 0;
        for (var i = 0; i < shape.Properties.Length; i++)
        {
            var property = shape.Properties[i];
            if (shape.HasComplexValues && DynamoDbDocumentWriter.InNullComplexValue(entry, property))
            {
                continue;
            }

            var (nameBytes, isBounded) = shape.Sizes[i];
            size += nameBytes;
            if (isBounded)
            {
                size += MaxOtherScalarBytes;
                continue;
            }

            var value = entry.GetCurrentValue(property);
            size += (property.GetTypeMapping().Converter is { } converter && value != null ? converter.ConvertToProvider(value) : value) switch
            {
                null => 0,
                string text => System.Text.Encoding.UTF8.GetByteCount(text),
                byte[] bytes => bytes.Length,
                _ => DynamoDbDocumentWriter.ToAttributeValue(entry, property, value) is { } attribute ? DynamoDbItemSize.Of(attribute) : 0,
            };
        }

        foreach (var collection in shape.HasComplexValues ? DynamoDbDocumentWriter.ComplexCollections(entry) : [])
        {
            if (DynamoDbComplexValueWriter.ToList(collection, entry.GetCurrentValue(collection)) is { } list)
            {
                size += DynamoDbItemSize.Of(list);
            }
        }

        foreach (var navigation in shape.OwnedNavigations)
        {
            if (entry.GetCurrentValue(navigation) is { } owned)
            {
                // Measured as written, with the positions new elements would get (not given to them here).
                size += DynamoDbItemSize.Of(navigation.IsCollection
                    ? DynamoDbDocumentWriter.ToList(entry, navigation, owned, [])
                    : DynamoDbDocumentWriter.OwnedReference(DynamoDbDocumentWriter.EntryOf(entry, navigation, owned), navigation, []));
            }
        }

        return size;
    }

    /// <summary>
    /// Optional complex values that appeared or disappeared: a new value is written whole (its map did not exist, so
    /// its members have no path to be set at), a removed one is <c>REMOVE</c>d. Returns them, so that their members
    /// are not written one by one as well.
    /// </summary>
    private static List<IComplexProperty> UpdateOptionalComplexValues(
        IUpdateEntry entry, DynamoDbExpressionWriter writer, DynamoDbUpdateExpressionBuilder update)
    {
        var replaced = new List<IComplexProperty>();
        foreach (var complexProperty in entry.EntityType.GetFlattenedComplexProperties()
                     .Where(c => c is { IsCollection: false, IsNullable: true } && !replaced.Any(r => IsInside(c, r))))
        {
            var current = DynamoDbDocumentWriter.InNullComplexValue(entry, complexProperty) ? null : entry.GetCurrentValue(complexProperty);
            var original = entry.GetOriginalValue(complexProperty);
            if ((current == null) == (original == null))
            {
                continue;
            }

            replaced.Add(complexProperty);
            update.Assign(
                writer.Path(complexProperty.GetDocumentPath()),
                current == null ? null : DynamoDbComplexValueWriter.ToMap(complexProperty.ComplexType, current));
        }

        return replaced;
    }

    /// <summary>Whether a member belongs to (the value of) one of the given complex properties.</summary>
    private static bool IsInside(IPropertyBase member, IReadOnlyCollection<IComplexProperty> complexProperties)
        => complexProperties.Count > 0 && complexProperties.Any(c => IsInside(member, c));

    private static bool IsInside(IPropertyBase member, IComplexProperty complexProperty)
    {
        for (var type = member.DeclaringType; type is IComplexType complexType; type = complexType.ComplexProperty.DeclaringType)
        {
            if (complexType.ComplexProperty == complexProperty)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A changed complex collection is written whole: its list replaces the stored one.</summary>
    private static void UpdateComplexCollections(
        IUpdateEntry entry, DynamoDbExpressionWriter writer, DynamoDbUpdateExpressionBuilder update, IReadOnlyCollection<IComplexProperty>? written = null)
    {
        foreach (var collection in DynamoDbDocumentWriter.ComplexCollections(entry).Where(c => entry.IsModified(c) && !IsInside(c, written ?? [])))
        {
            update.Assign(writer.Path(collection.GetDocumentPath()), DynamoDbComplexValueWriter.ToList(collection, entry.GetCurrentValue(collection)));
        }
    }

    /// <summary>
    /// The update of the owned navigations whose content changed: a new owned reference or any change in an owned
    /// collection rewrites that map or list; a changed member of an existing owned reference is set at its path, so
    /// that the siblings in the stored map survive; a removed owned entity removes its attribute.
    /// </summary>
    private static void UpdateOwnedNavigations(
        IUpdateEntry owner,
        DynamoDbOwnedChanges changes,
        DynamoDbExpressionWriter writer,
        DynamoDbUpdateExpressionBuilder update,
        List<(IUpdateEntry, IProperty, object)> generated)
    {
        foreach (var navigation in DynamoDbWriteShape.Of(owner.EntityType).OwnedNavigations.Where(n => changes.HasChanged(owner, n)))
        {
            var path = writer.Path(navigation.GetDocumentPath());
            if (owner.GetCurrentValue(navigation) is not { } value)
            {
                update.Remove(path);
                continue;
            }

            if (navigation.IsCollection)
            {
                update.Assign(path, DynamoDbDocumentWriter.ToList(owner, navigation, value, generated));
                continue;
            }

            var entry = DynamoDbDocumentWriter.EntryOf(owner, navigation, value);
            if (entry.EntityState == EntityState.Added)
            {
                update.Assign(path, DynamoDbDocumentWriter.OwnedReference(entry, navigation, generated));
                continue;
            }

            foreach (var property in DynamoDbWriteShape.Of(entry.EntityType).Properties.Where(entry.IsModified))
            {
                var current = entry.GetCurrentValue(property);
                DynamoDbDocumentWriter.CheckOwnedConstraints(entry, property, current);
                update.Assign(writer.Path(property), DynamoDbDocumentWriter.ToAttributeValue(entry, property, current));
            }

            UpdateComplexCollections(entry, writer, update);
            UpdateOwnedNavigations(entry, changes, writer, update, generated);
        }
    }
}
