using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Infrastructure;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.Update;

/// <summary>
/// The base of the writers of one entry state (added, modified, deleted): what they share to make an item write of
/// an entry, checked before anything is sent.
/// </summary>
internal abstract class DynamoDbEntryWriter(DynamoDbContextSettings settings)
{
    /// <summary>The write of the item of an entry, with the changes of the owned entities stored in it.</summary>
    public abstract DynamoDbWriteCommand Create(DynamoDbOwnedChanges changes);

    /// <summary>Describes an entry's key for messages: values only with sensitive data logging.</summary>
    public string DescribeKey(IUpdateEntry entry)
    {
        var properties = entry.EntityType.FindPrimaryKey()!.Properties;
        return "{" + string.Join(", ", properties.Select(p => settings.SensitiveDataLoggingEnabled
            ? $"{p.Name}: {entry.GetOriginalValue(p) ?? entry.GetCurrentValue(p)}"
            : p.Name)) + "}";
    }

    protected string TableName(IEntityType entityType) => settings.ResolveTableName(entityType.GetTableName()!);

    /// <summary>The model's constraints on a value of the entry's own item.</summary>
    protected void CheckConstraints(IUpdateEntry entry, IProperty property, object? value)
    {
        if (DynamoDbConstraints.Violation(property, value) is { } violation)
        {
            throw DynamoDbConstraints.Failed(entry, property, violation, DescribeKey(entry));
        }
    }

    /// <summary>An item DynamoDB would refuse for its size (400 KB) is refused before sending.</summary>
    protected void CheckSize(IUpdateEntry entry, long size)
    {
        if (size > DynamoDbServiceLimits.ItemBytes)
        {
            throw new InvalidOperationException(DynamoDbStrings.ItemTooLarge(entry.EntityType.DisplayName(), DescribeKey(entry), size));
        }
    }

    /// <summary>The key attributes of the entry's stored item (from the original key values).</summary>
    protected static Dictionary<string, AttributeValue> KeyAttributes(IUpdateEntry entry, IKey key)
    {
        var attributes = new Dictionary<string, AttributeValue>();
        foreach (var property in key.Properties)
        {
            if (DynamoDbDocumentWriter.ToAttributeValue(entry, property, entry.GetOriginalValue(property)) is { } value)
            {
                attributes[property.GetAttributeName()] = value;
            }
        }

        CheckKey(entry, key, attributes);
        return attributes;
    }

    /// <summary>A key DynamoDB would refuse (absent, empty, or longer than its limit) is refused naming the property.</summary>
    protected static void CheckKey(IUpdateEntry entry, IKey key, Dictionary<string, AttributeValue> attributes)
    {
        for (var i = 0; i < key.Properties.Count; i++)
        {
            var property = key.Properties[i];
            if (!attributes.TryGetValue(property.GetAttributeName(), out var value) || value.S?.Length == 0 || value.B?.Length == 0)
            {
                throw new InvalidOperationException(DynamoDbStrings.EmptyKeyValue(entry.EntityType.DisplayName(), property.Name));
            }

            var (size, limit) = (
                value.S != null ? System.Text.Encoding.UTF8.GetByteCount(value.S) : (int)(value.B?.Length ?? 0),
                i == 0 ? DynamoDbServiceLimits.PartitionKeyBytes : DynamoDbServiceLimits.SortKeyBytes);
            if (size > limit)
            {
                throw new InvalidOperationException(DynamoDbStrings.KeyValueTooLong(entry.EntityType.DisplayName(), property.Name, size, limit, isPartitionKey: i == 0));
            }
        }
    }

    /// <summary>
    /// The condition of a change to a stored item: it exists, and its concurrency tokens still hold their original
    /// values. Says whether any token is checked.
    /// </summary>
    protected static (string Condition, bool ChecksTokens) ExistsUnchanged(IUpdateEntry entry, DynamoDbExpressionWriter writer)
    {
        var conditions = new List<string> { $"attribute_exists({writer.Name(entry.EntityType.FindPrimaryKey()!.Properties[0].GetAttributeName())})" };
        foreach (var property in entry.EntityType.GetProperties().Where(p => p.IsConcurrencyToken && !p.IsPrimaryKey()))
        {
            var name = writer.Name(property.GetAttributeName());
            var originalValue = entry.GetOriginalValue(property);
            var original = DynamoDbDocumentWriter.ToAttributeValue(entry, property, originalValue);
            conditions.Add(
                original == null ? $"(attribute_not_exists({name}) OR attribute_type({name}, {writer.Value(new AttributeValue { S = "NULL" })}))"
                // An item written before the token existed has no attribute: it reads back as the default value.
                : property.ClrType.IsValueType && Equals(originalValue, property.Sentinel) ? $"(attribute_not_exists({name}) OR {name} = {writer.Value(original)})"
                : $"{name} = {writer.Value(original)}");
        }

        return (string.Join(" AND ", conditions), conditions.Count > 1);
    }
}
