using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Infrastructure;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore;
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

    public DynamoDbWriteCommand Create(IUpdateEntry entry)
    {
        var entityType = entry.EntityType;
        var tableName = settings.ResolveTableName(entityType.GetTableName()!);
        var key = entityType.FindPrimaryKey()!;
        var writer = new DynamoDbExpressionWriter(NoParameters);
        var conditions = new List<string>();
        var generated = new List<(IProperty, object)>();
        var partitionKeyName = writer.Name(key.Properties[0].GetAttributeName());

        if (entry.EntityState == EntityState.Added)
        {
            var item = new Dictionary<string, AttributeValue>();
            foreach (var property in entityType.GetFlattenedProperties().Where(p => !InNullComplexValue(entry, p)))
            {
                var value = IsRowVersion(property) ? Generate(generated, property, NextVersion(property, null)) : entry.GetCurrentValue(property);
                if (ToAttributeValue(entry, property, value) is { } attribute)
                {
                    SetAtPath(item, property.GetAttributePath(), attribute);
                }
            }

            foreach (var collection in ComplexCollections(entry))
            {
                if (DynamoDbComplexValueWriter.ToList(collection, entry.GetCurrentValue(collection)) is { } list)
                {
                    SetAtPath(item, collection.GetDocumentPath(), list);
                }
            }

            CheckKey(entry, key, item);
            if (DynamoDbItemSize.Of(item) is var size and > DynamoDbItemSize.MaxItemBytes)
            {
                throw new InvalidOperationException(DynamoDbStrings.ItemTooLarge(entityType.DisplayName(), DescribeKey(entry), size));
            }

            // An entity deleted and added again with the same key in one save replaces the stored item.
            conditions.Add(entry.SharedIdentityEntry != null
                ? $"attribute_exists({partitionKeyName})"
                : $"attribute_not_exists({partitionKeyName})");
            return new DynamoDbWriteCommand(
                entry,
                new PutItemRequest
                {
                    TableName = tableName,
                    Item = item,
                    ConditionExpression = string.Join(" AND ", conditions),
                    ExpressionAttributeNames = writer.Names,
                    ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
                },
                generated,
                key.Properties.Select(p => p.GetAttributeName()).ToDictionary(name => name, name => item[name]),
                canBatch: entry.SharedIdentityEntry == null && generated.Count == 0);
        }

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
            foreach (var property in entityType.GetFlattenedProperties().Where(p => !p.IsPrimaryKey()))
            {
                object? value;
                if (IsRowVersion(property))
                {
                    value = Generate(generated, property, NextVersion(property, entry.GetOriginalValue(property)));
                }
                else if (entry.IsModified(property))
                {
                    value = entry.GetCurrentValue(property);
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

            // A changed complex collection is written whole: its list replaces the stored one.
            foreach (var collection in ComplexCollections(entry).Where(entry.IsModified))
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
            entry, request, generated, keyAttributes, canBatch: entry.EntityState == EntityState.Deleted && conditions.Count == 1);
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
        foreach (var property in key.Properties)
        {
            if (!attributes.TryGetValue(property.GetAttributeName(), out var value) || value.S?.Length == 0 || value.B?.Length == 0)
            {
                throw new InvalidOperationException(DynamoDbStrings.EmptyKeyValue(entry.EntityType.DisplayName(), property.Name));
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

    private static bool IsRowVersion(IProperty property)
        => property.IsConcurrencyToken && property.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAddOrUpdate;

    private static object NextVersion(IProperty property, object? original)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        return Convert.ChangeType(Convert.ToInt64(original ?? 0L) + 1, type);
    }

    private static object Generate(List<(IProperty, object)> generated, IProperty property, object value)
    {
        generated.Add((property, value));
        return value;
    }
}
