using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>Reads a complex collection from its list of maps, materializing the elements in order.</summary>
internal static class DynamoDbComplexCollectionReader
{
    /// <summary>
    /// The elements of a stored list (<paramref name="list"/> null when the attribute is absent or NULL: null for a
    /// nullable collection, else empty), as the collection type of the property.
    /// </summary>
    public static object? Read<TElement>(
        AttributeValue? list,
        DbContext context,
        Func<MaterializationContext, Dictionary<string, AttributeValue>, TElement> materializeElement,
        Type collectionType,
        bool nullable)
    {
        if (list == null)
        {
            return nullable ? null : ToCollection(new List<TElement>(), collectionType);
        }

        if (list.L == null)
        {
            throw DynamoDbScalarCodecs.Mismatch("L", list);
        }

        var elements = new List<TElement>(list.L.Count);
        var elementContext = new MaterializationContext(ValueBuffer.Empty, context);
        foreach (var element in list.L)
        {
            elements.Add(element.M is { } map
                ? materializeElement(elementContext, map)
                : throw DynamoDbScalarCodecs.Mismatch("M", element));
        }

        return ToCollection(elements, collectionType);
    }

    private static object ToCollection<TElement>(List<TElement> elements, Type collectionType)
    {
        if (collectionType.IsAssignableFrom(typeof(List<TElement>)))
        {
            return elements;
        }

        if (collectionType.IsArray)
        {
            return elements.ToArray();
        }

        var collection = (ICollection<TElement>)Activator.CreateInstance(collectionType)!;
        foreach (var element in elements)
        {
            collection.Add(element);
        }

        return collection;
    }
}
