using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.Update;

/// <summary>
/// An added entry → a put of its whole item (owned entities and complex values inside), conditioned on the key not
/// existing; row versions start, <c>HasDefaultValue</c> fills sentinel values.
/// </summary>
internal sealed class DynamoDbAddedEntryWriter(DynamoDbContextSettings settings) : DynamoDbEntryWriter(settings)
{
    public override DynamoDbWriteCommand Create(DynamoDbOwnedChanges changes)
    {
        var entry = changes.Root;
        var entityType = entry.EntityType;
        var shape = DynamoDbWriteShape.Of(entityType);
        var generated = new List<(IUpdateEntry, IProperty, object)>();
        var item = new Dictionary<string, AttributeValue>(shape.Properties.Length);
        foreach (var property in shape.Properties)
        {
            if (shape.HasComplexValues && DynamoDbDocumentWriter.InNullComplexValue(entry, property))
            {
                continue;
            }

            var value = DynamoDbRowVersion.IsRowVersion(property) ? DynamoDbDocumentWriter.Generate(generated, entry, property, DynamoDbRowVersion.Next(property, null))
                // HasDefaultValue: DynamoDB has no column defaults, so the provider applies them to sentinel values.
                : property.FindAnnotation(RelationalAnnotationNames.DefaultValue)?.Value is { } defaultValue and not DBNull
                    && Equals(entry.GetCurrentValue(property), property.Sentinel)
                    ? DynamoDbDocumentWriter.Generate(generated, entry, property, defaultValue)
                : entry.GetCurrentValue(property);
            CheckConstraints(entry, property, value);
            if (DynamoDbDocumentWriter.ToAttributeValue(entry, property, value) is { } attribute)
            {
                DynamoDbDocumentWriter.SetAtPath(item, property.GetAttributePath(), attribute);
            }
        }

        if (shape.HasComplexValues)
        {
            DynamoDbDocumentWriter.WriteComplexCollections(entry, item);
        }

        if (shape.OwnedNavigations.Length > 0)
        {
            DynamoDbDocumentWriter.WriteOwnedNavigations(entry, item, generated);
        }

        CheckKey(entry, entityType.FindPrimaryKey()!, item);
        var size = DynamoDbItemSize.Of(item);
        CheckSize(entry, size);

        var key = new Dictionary<string, AttributeValue>(shape.KeyAttributeNames.Length);
        foreach (var name in shape.KeyAttributeNames)
        {
            key[name] = item[name];
        }

        var write = new DynamoDbItemWrite
        {
            Kind = DynamoDbItemWriteKind.Put,
            TableName = TableName(entityType),
            Key = key,
            Item = item,
            // An entity deleted and added again with the same key in one save replaces the stored item.
            ConditionExpression = entry.SharedIdentityEntry != null ? shape.ReplaceCondition : shape.InsertCondition,
            Names = shape.KeyAliases,
            Size = size,
        };
        return new DynamoDbWriteCommand(
            entry, write, generated, canBatch: entry.SharedIdentityEntry == null && generated.All(g => g.Item1 != entry))
        {
            OwnedEntries = changes.OwnedEntries,
        };
    }
}
