using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Infrastructure;
using EFCore.DynamoDb.Metadata;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.Update;

/// <summary>
/// Turns a change-tracker entry into its conditional write: Added → <c>PutItem</c> if the key does not exist;
/// Modified → <c>UpdateItem</c> of only the changed attributes (<c>SET</c>, or <c>REMOVE</c> for null) if the item
/// exists; Deleted → <c>DeleteItem</c> if the item exists. Concurrency tokens are checked against their original
/// values, and numeric row versions are incremented. Bad input is refused here, before anything is sent.
/// </summary>
internal sealed class DynamoDbWriteCommandFactory(DynamoDbContextSettings settings)
{
    private static readonly Dictionary<string, object?> NoParameters = [];

    /// <summary>The writes of a save: one per item, owned entities written inside their owner's item.</summary>
    public List<DynamoDbWriteCommand> CreateAll(IList<IUpdateEntry> entries)
        => DynamoDbOwnedChanges.Group(entries).Select(Create).ToList();

    private DynamoDbWriteCommand Create(DynamoDbOwnedChanges changes)
    {
        var entry = changes.Root;
        var entityType = entry.EntityType;
        var shape = DynamoDbWriteShape.Of(entityType);
        var tableName = settings.ResolveTableName(entityType.GetTableName()!);
        var key = entityType.FindPrimaryKey()!;
        var generated = new List<(IUpdateEntry, IProperty, object)>();

        if (entry.EntityState == EntityState.Added)
        {
            var item = new Dictionary<string, AttributeValue>(shape.Properties.Length);
            foreach (var property in shape.Properties)
            {
                if (shape.HasComplexValues && InNullComplexValue(entry, property))
                {
                    continue;
                }

                var value = DynamoDbRowVersion.IsRowVersion(property) ? Generate(generated, entry, property, DynamoDbRowVersion.Next(property, null))
                    // HasDefaultValue: DynamoDB has no column defaults, so the provider applies them to sentinel values.
                    : property.FindAnnotation(RelationalAnnotationNames.DefaultValue)?.Value is { } defaultValue and not DBNull
                        && Equals(entry.GetCurrentValue(property), property.Sentinel)
                        ? Generate(generated, entry, property, defaultValue)
                    : entry.GetCurrentValue(property);
                CheckConstraints(entry, property, value);
                if (ToAttributeValue(entry, property, value) is { } attribute)
                {
                    SetAtPath(item, property.GetAttributePath(), attribute);
                }
            }

            if (shape.HasComplexValues)
            {
                WriteComplexCollections(entry, item);
            }

            if (shape.OwnedNavigations.Length > 0)
            {
                WriteOwnedNavigations(entry, item, generated);
            }

            CheckKey(entry, key, item);
            if (DynamoDbItemSize.Of(item) is var size and > DynamoDbServiceLimits.ItemBytes)
            {
                throw new InvalidOperationException(DynamoDbStrings.ItemTooLarge(entityType.DisplayName(), DescribeKey(entry), size));
            }

            var itemKey = new Dictionary<string, AttributeValue>(shape.KeyAttributeNames.Length);
            foreach (var name in shape.KeyAttributeNames)
            {
                itemKey[name] = item[name];
            }

            return new DynamoDbWriteCommand(
                entry,
                new PutItemRequest
                {
                    TableName = tableName,
                    Item = item,
                    // An entity deleted and added again with the same key in one save replaces the stored item.
                    ConditionExpression = entry.SharedIdentityEntry != null ? shape.ReplaceCondition : shape.InsertCondition,
                    ExpressionAttributeNames = shape.KeyAliases,
                    ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
                },
                generated,
                itemKey,
                canBatch: entry.SharedIdentityEntry == null && generated.All(g => g.Item1 != entry))
            {
                OwnedEntries = changes.OwnedEntries,
            };
        }

        var writer = new DynamoDbExpressionWriter(NoParameters);
        var conditions = new List<string>();
        var partitionKeyName = writer.Name(key.Properties[0].GetAttributeName());
        var keyAttributes = KeyAttributes(entry, key);
        conditions.Add($"attribute_exists({partitionKeyName})");
        AddConcurrencyChecks(entry, writer, conditions);

        AmazonDynamoDBRequest request;
        if (entry.EntityState == EntityState.Deleted)
        {
            request = new DeleteItemRequest { TableName = tableName, Key = keyAttributes };
        }
        else
        {
            var sets = new List<string>();
            var removes = new List<string>();
            IReadOnlyCollection<IComplexProperty> replaced = shape.HasComplexValues ? UpdateOptionalComplexValues(entry, writer, sets, removes) : NoComplexProperties;
            foreach (var property in shape.ValueProperties)
            {
                if (IsInside(property, replaced))
                {
                    continue;
                }

                object? value;
                if (DynamoDbRowVersion.IsRowVersion(property))
                {
                    value = Generate(generated, entry, property, DynamoDbRowVersion.Next(property, entry.GetOriginalValue(property)));
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
                var name = writer.Path(property);
                if (ToAttributeValue(entry, property, value) is { } attribute)
                {
                    sets.Add($"{name} = {writer.Value(attribute)}");
                }
                else
                {
                    removes.Add(name);
                }
            }

            if (shape.HasComplexValues)
            {
                UpdateComplexCollections(entry, writer, sets, removes, replaced);
            }

            if (shape.OwnedNavigations.Length > 0)
            {
                UpdateOwnedNavigations(entry, changes, writer, sets, removes, generated);
            }

            var update = (sets.Count > 0 ? "SET " + string.Join(", ", sets) : "")
                + (removes.Count > 0 ? (sets.Count > 0 ? " " : "") + "REMOVE " + string.Join(", ", removes) : "");
            request = new UpdateItemRequest
            {
                TableName = tableName,
                Key = keyAttributes,
                UpdateExpression = update.Length > 0 ? update : null,
            };
        }

        var condition = string.Join(" AND ", conditions);
        var names = writer.Names;
        var values = writer.Values.Count > 0 ? writer.Values : null;
        switch (request)
        {
            case DeleteItemRequest delete:
                (delete.ConditionExpression, delete.ExpressionAttributeNames, delete.ExpressionAttributeValues) = (condition, names, values);
                delete.ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL;
                break;
            case UpdateItemRequest update:
                (update.ConditionExpression, update.ExpressionAttributeNames, update.ExpressionAttributeValues) = (condition, names, values);
                update.ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL;
                break;
        }

        return new DynamoDbWriteCommand(
            entry, request, generated, keyAttributes, canBatch: entry.EntityState == EntityState.Deleted && conditions.Count == 1)
        {
            OwnedEntries = changes.OwnedEntries,
        };
    }

    /// <summary>
    /// Optional complex values that appeared or disappeared: a new value is written whole (its map did not exist, so
    /// its members have no path to be set at), a removed one is <c>REMOVE</c>d. Returns them, so that their members
    /// are not written one by one as well.
    /// </summary>
    private static List<IComplexProperty> UpdateOptionalComplexValues(
        IUpdateEntry entry, DynamoDbExpressionWriter writer, List<string> sets, List<string> removes)
    {
        var replaced = new List<IComplexProperty>();
        foreach (var complexProperty in entry.EntityType.GetFlattenedComplexProperties()
                     .Where(c => c is { IsCollection: false, IsNullable: true } && !replaced.Any(r => IsInside(c, r))))
        {
            var current = InNullComplexValue(entry, complexProperty) ? null : entry.GetCurrentValue(complexProperty);
            var original = entry.GetOriginalValue(complexProperty);
            if ((current == null) == (original == null))
            {
                continue;
            }

            replaced.Add(complexProperty);
            var name = writer.Path(complexProperty.GetDocumentPath());
            if (current == null)
            {
                removes.Add(name);
            }
            else
            {
                sets.Add($"{name} = {writer.Value(DynamoDbComplexValueWriter.ToMap(complexProperty.ComplexType, current))}");
            }
        }

        return replaced;
    }

    private static readonly IReadOnlyCollection<IComplexProperty> NoComplexProperties = [];

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

    /// <summary>Writes an entry's complex collections into its document.</summary>
    private static void WriteComplexCollections(IUpdateEntry entry, Dictionary<string, AttributeValue> document)
    {
        foreach (var collection in ComplexCollections(entry))
        {
            if (DynamoDbComplexValueWriter.ToList(collection, entry.GetCurrentValue(collection)) is { } list)
            {
                SetAtPath(document, collection.GetDocumentPath(), list);
            }
        }
    }

    /// <summary>A changed complex collection is written whole: its list replaces the stored one.</summary>
    private static void UpdateComplexCollections(
        IUpdateEntry entry, DynamoDbExpressionWriter writer, List<string> sets, List<string> removes, IReadOnlyCollection<IComplexProperty>? written = null)
    {
        foreach (var collection in ComplexCollections(entry).Where(c => entry.IsModified(c) && !IsInside(c, written ?? [])))
        {
            var name = writer.Path(collection.GetDocumentPath());
            if (DynamoDbComplexValueWriter.ToList(collection, entry.GetCurrentValue(collection)) is { } list)
            {
                sets.Add($"{name} = {writer.Value(list)}");
            }
            else
            {
                removes.Add(name);
            }
        }
    }

    /// <summary>
    /// Writes the owned entities of an entry into its document: an owned reference as a map at its path (its members
    /// have paths in the same document), an owned collection as a list of maps, each element a document of its own.
    /// </summary>
    private static void WriteOwnedNavigations(
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

    /// <summary>
    /// An owned collection as a list of maps, in the collection's order. New elements get the next unused position as
    /// their ordinal key (it is not stored: elements read back are numbered by position).
    /// </summary>
    private static AttributeValue ToList(
        IUpdateEntry owner, INavigation navigation, object collection, List<(IUpdateEntry, IProperty, object)> generated)
    {
        var entries = ((System.Collections.IEnumerable)collection).Cast<object>().Select(e => EntryOf(owner, navigation, e)).ToList();
        var ordinal = DynamoDbOwnedKeys.FindOrdinal(navigation.TargetEntityType);
        var next = ordinal == null ? 0 : entries.Where(e => !e.HasTemporaryValue(ordinal)).Select(e => Convert.ToInt64(e.GetCurrentValue(ordinal))).DefaultIfEmpty(0).Max() + 1;
        var elements = new List<AttributeValue>(entries.Count);
        foreach (var entry in entries)
        {
            if (ordinal != null && entry.HasTemporaryValue(ordinal))
            {
                Generate(generated, entry, ordinal, Convert.ChangeType(next++, ordinal.ClrType));
            }

            var element = new Dictionary<string, AttributeValue>();
            WriteOwnedEntity(entry, element, generated);
            elements.Add(new AttributeValue { M = element });
        }

        return new AttributeValue { L = elements };
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
        List<string> sets,
        List<string> removes,
        List<(IUpdateEntry, IProperty, object)> generated)
    {
        foreach (var navigation in DynamoDbWriteShape.Of(owner.EntityType).OwnedNavigations.Where(n => changes.HasChanged(owner, n)))
        {
            var path = writer.Path(navigation.GetDocumentPath());
            if (owner.GetCurrentValue(navigation) is not { } value)
            {
                removes.Add(path);
                continue;
            }

            if (navigation.IsCollection)
            {
                sets.Add($"{path} = {writer.Value(ToList(owner, navigation, value, generated))}");
                continue;
            }

            var entry = EntryOf(owner, navigation, value);
            if (entry.EntityState == EntityState.Added)
            {
                var document = new Dictionary<string, AttributeValue>();
                SetAtPath(document, navigation.GetDocumentPath(), new AttributeValue { M = [] });
                WriteOwnedEntity(entry, document, generated);
                sets.Add($"{path} = {writer.Value(FindAtPath(document, navigation.GetDocumentPath()))}");
                continue;
            }

            foreach (var property in DynamoDbWriteShape.Of(entry.EntityType).Properties.Where(entry.IsModified))
            {
                var name = writer.Path(property);
                var current = entry.GetCurrentValue(property);
                CheckOwnedConstraints(entry, property, current);
                if (ToAttributeValue(entry, property, current) is { } attribute)
                {
                    sets.Add($"{name} = {writer.Value(attribute)}");
                }
                else
                {
                    removes.Add(name);
                }
            }

            UpdateComplexCollections(entry, writer, sets, removes);
            UpdateOwnedNavigations(entry, changes, writer, sets, removes, generated);
        }
    }

    /// <summary>The tracked entry of an owned entity held by an owner's navigation.</summary>
    private static IUpdateEntry EntryOf(IUpdateEntry owner, INavigation navigation, object entity)
        => ((InternalEntityEntry)owner).StateManager.TryGetEntry(entity, navigation.TargetEntityType)
            ?? throw new InvalidOperationException(DynamoDbStrings.OwnedEntityWithoutOwner(navigation.TargetEntityType.DisplayName()));

    private static AttributeValue FindAtPath(Dictionary<string, AttributeValue> document, IReadOnlyList<string> path)
    {
        var value = document[path[0]];
        for (var i = 1; i < path.Count; i++)
        {
            value = value.M[path[i]];
        }

        return value;
    }

    /// <summary>Describes an entry's key for messages: values only with sensitive data logging.</summary>
    public string DescribeKey(IUpdateEntry entry)
    {
        var properties = entry.EntityType.FindPrimaryKey()!.Properties;
        return "{" + string.Join(", ", properties.Select(p => settings.SensitiveDataLoggingEnabled
            ? $"{p.Name}: {entry.GetOriginalValue(p) ?? entry.GetCurrentValue(p)}"
            : p.Name)) + "}";
    }

    private static void AddConcurrencyChecks(IUpdateEntry entry, DynamoDbExpressionWriter writer, List<string> conditions)
    {
        foreach (var property in entry.EntityType.GetProperties().Where(p => p.IsConcurrencyToken && !p.IsPrimaryKey()))
        {
            var name = writer.Name(property.GetAttributeName());
            var originalValue = entry.GetOriginalValue(property);
            var original = ToAttributeValue(entry, property, originalValue);
            conditions.Add(
                original == null ? $"(attribute_not_exists({name}) OR attribute_type({name}, {writer.Value(new AttributeValue { S = "NULL" })}))"
                // An item written before the token existed has no attribute: it reads back as the default value.
                : IsDefault(property, originalValue) ? $"(attribute_not_exists({name}) OR {name} = {writer.Value(original)})"
                : $"{name} = {writer.Value(original)}");
        }
    }

    private static Dictionary<string, AttributeValue> KeyAttributes(IUpdateEntry entry, IKey key)
    {
        var attributes = new Dictionary<string, AttributeValue>();
        foreach (var property in key.Properties)
        {
            if (ToAttributeValue(entry, property, entry.GetOriginalValue(property)) is { } value)
            {
                attributes[property.GetAttributeName()] = value;
            }
        }

        CheckKey(entry, key, attributes);
        return attributes;
    }

    private static void CheckKey(IUpdateEntry entry, IKey key, Dictionary<string, AttributeValue> attributes)
    {
        for (var i = 0; i < key.Properties.Count; i++)
        {
            var property = key.Properties[i];
            if (!attributes.TryGetValue(property.GetAttributeName(), out var value) || value.S?.Length == 0 || value.B?.Length == 0)
            {
                throw new InvalidOperationException(DynamoDbStrings.EmptyKeyValue(entry.EntityType.DisplayName(), property.Name));
            }

            var (size, limit) = (value.S != null ? System.Text.Encoding.UTF8.GetByteCount(value.S) : (int)(value.B?.Length ?? 0), i == 0 ? DynamoDbServiceLimits.PartitionKeyBytes : DynamoDbServiceLimits.SortKeyBytes);
            if (size > limit)
            {
                throw new InvalidOperationException(DynamoDbStrings.KeyValueTooLong(entry.EntityType.DisplayName(), property.Name, size, limit, isPartitionKey: i == 0));
            }
        }
    }

    private static AttributeValue? ToAttributeValue(IUpdateEntry entry, IProperty property, object? value)
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

    /// <summary>The complex collections of the entry's entity, outside complex values that are null.</summary>
    private static IEnumerable<IComplexProperty> ComplexCollections(IUpdateEntry entry)
        => entry.EntityType.GetFlattenedComplexProperties().Where(c => c.IsCollection && !InNullComplexValue(entry, c));

    /// <summary>Whether the property belongs to a complex value that is null (its map is left out).</summary>
    private static bool InNullComplexValue(IUpdateEntry entry, IPropertyBase property)
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
    private static void SetAtPath(Dictionary<string, AttributeValue> item, IReadOnlyList<string> path, AttributeValue value)
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

    private static bool IsDefault(IProperty property, object? value)
        => property.ClrType.IsValueType && Equals(value, property.Sentinel);

    /// <summary>
    /// The model's constraints, which DynamoDB cannot enforce (it has no schema): a required property holds a value, a
    /// string or binary value fits its maximum length. Checked before anything is sent.
    /// </summary>
    private void CheckConstraints(IUpdateEntry entry, IProperty property, object? value)
    {
        if (Violation(property, value) is { } violation)
        {
            throw ConstraintFailed(entry, property, violation, DescribeKey(entry));
        }
    }

    /// <summary>The constraints of an owned entity's member, which is identified by its owner's item.</summary>
    private static void CheckOwnedConstraints(IUpdateEntry entry, IProperty property, object? value)
    {
        if (Violation(property, value) is { } violation)
        {
            throw ConstraintFailed(entry, property, violation, DynamoDbStrings.OwnedEntityKey);
        }
    }

    /// <summary>Null when the value meets the property's constraints; else its length and the maximum (length -1: a required value is missing).</summary>
    private static (int Length, int MaxLength)? Violation(IProperty property, object? value)
        => value == null
            ? property.IsNullable ? null : (-1, 0)
            : property.GetMaxLength() is { } maxLength && ((value as string)?.Length ?? (value as byte[])?.Length) is { } length && length > maxLength
                ? (length, maxLength)
                : null;

    private static DbUpdateException ConstraintFailed(IUpdateEntry entry, IProperty property, (int Length, int MaxLength) violation, string key)
        => new(
            violation.Length < 0
                ? DynamoDbStrings.RequiredValueMissing(entry.EntityType.DisplayName(), key, property.Name)
                : DynamoDbStrings.MaxLengthExceeded(entry.EntityType.DisplayName(), key, property.Name, violation.Length, violation.MaxLength),
            [entry]);

    private static object Generate(List<(IUpdateEntry, IProperty, object)> generated, IUpdateEntry entry, IProperty property, object value)
    {
        generated.Add((entry, property, value));
        return value;
    }
}
