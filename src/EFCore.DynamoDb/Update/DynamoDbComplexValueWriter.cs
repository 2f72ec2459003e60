using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Update;

/// <summary>
/// Writes complex values held as CLR objects (the elements of complex collections, new optional complex values) as DynamoDB documents: each
/// element a map (M) of its properties and nested complex values, the collection a list (L) of those maps.
/// </summary>
internal static class DynamoDbComplexValueWriter
{
    /// <summary>A complex collection's list of maps; null for a null collection (the attribute is left out).</summary>
    public static AttributeValue? ToList(IComplexProperty collection, object? value)
    {
        if (value == null)
        {
            return null;
        }

        var elements = new List<AttributeValue>();
        foreach (var element in (System.Collections.IEnumerable)value)
        {
            elements.Add(ToMap(collection.ComplexType, element ?? throw new InvalidOperationException(
                Properties.DynamoDbStrings.NullComplexElement(collection.DeclaringType.DisplayName(), collection.Name))));
        }

        return new AttributeValue { L = elements };
    }

    /// <summary>A complex value as a map of its properties; null members are left out.</summary>
    public static AttributeValue ToMap(IComplexType complexType, object value)
    {
        var map = new Dictionary<string, AttributeValue>();
        foreach (var property in complexType.GetProperties())
        {
            if (((DynamoDbTypeMapping)property.GetTypeMapping()).ToAttributeValue(property.GetGetter().GetClrValue(value)) is { } attribute)
            {
                map[property.GetAttributeName()] = attribute;
            }
        }

        foreach (var complexProperty in complexType.GetComplexProperties())
        {
            var nested = complexProperty.GetGetter().GetClrValue(value);
            var attribute = complexProperty.IsCollection ? ToList(complexProperty, nested)
                : nested == null ? null
                : ToMap(complexProperty.ComplexType, nested);
            if (attribute != null)
            {
                map[complexProperty.Name] = attribute;
            }
        }

        return new AttributeValue { M = map };
    }
}
