using System.Reflection;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace EFCore.DynamoDb.Storage;

/// <summary>
/// Codecs and comparers of collection properties: lists and arrays of scalars as L, sets of strings, numbers or binary
/// as SS/NS/BS (an empty set is an absent attribute, read back as an empty set), dictionaries with string keys as M.
/// Elements use the scalar codecs; null elements are NULL in lists and maps, and refused in sets.
/// </summary>
internal static class DynamoDbCollectionCodecs
{
    private static readonly MethodInfo ListMethod = typeof(DynamoDbCollectionCodecs).GetMethod(nameof(List), BindingFlags.Static | BindingFlags.NonPublic)!;
    private static readonly MethodInfo SetMethod = typeof(DynamoDbCollectionCodecs).GetMethod(nameof(Set), BindingFlags.Static | BindingFlags.NonPublic)!;
    private static readonly MethodInfo MapMethod = typeof(DynamoDbCollectionCodecs).GetMethod(nameof(Map), BindingFlags.Static | BindingFlags.NonPublic)!;

    /// <summary>The codec and comparer of a collection type, or null when DynamoDB has no native form for it.</summary>
    public static (DynamoDbScalarCodec Codec, ValueComparer Comparer)? Find(Type type)
    {
        if (type.IsArray && type.GetArrayRank() == 1 && type != typeof(byte[]))
        {
            return Create(ListMethod, type, type.GetElementType()!);
        }

        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        if (definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(ICollection<>)
            || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>))
        {
            return Create(ListMethod, type, arguments[0]);
        }

        if (definition == typeof(HashSet<>) || definition == typeof(ISet<>) || definition == typeof(IReadOnlySet<>))
        {
            return Create(SetMethod, type, arguments[0]);
        }

        if ((definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>))
            && arguments[0] == typeof(string))
        {
            return Create(MapMethod, type, arguments[1]);
        }

        return null;
    }

    /// <summary>The given elements as a collection of the given type (a list, array or set), to write them as that type is written.</summary>
    public static object ToCollection(Type collectionType, System.Collections.IEnumerable items)
    {
        var element = collectionType.IsArray ? collectionType.GetElementType()! : collectionType.GetGenericArguments()[0];
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        foreach (var item in items)
        {
            list.Add(item);
        }

        if (collectionType.IsArray)
        {
            var array = Array.CreateInstance(element, list.Count);
            list.CopyTo(array, 0);
            return array;
        }

        var definition = collectionType.GetGenericTypeDefinition();
        return definition == typeof(HashSet<>) || definition == typeof(ISet<>) || definition == typeof(IReadOnlySet<>)
            ? Activator.CreateInstance(typeof(HashSet<>).MakeGenericType(element), list)!
            : list;
    }

    /// <summary>The element codec of a collection type (the value codec of a dictionary), or null.</summary>
    public static DynamoDbScalarCodec? FindElementCodec(Type type)
    {
        var element = type.IsArray ? type.GetElementType()!
            : type.IsGenericType ? type.GetGenericArguments()[^1]
            : null;
        return element == null ? null : DynamoDbScalarCodecs.Find(Nullable.GetUnderlyingType(element) ?? element);
    }

    private static (DynamoDbScalarCodec, ValueComparer)? Create(MethodInfo factory, Type collection, Type element)
    {
        var scalar = DynamoDbScalarCodecs.Find(Nullable.GetUnderlyingType(element) ?? element);
        return scalar == null || (factory == SetMethod && (!scalar.IsKeyType || Nullable.GetUnderlyingType(element) != null))
            ? null
            : ((DynamoDbScalarCodec, ValueComparer))factory.MakeGenericMethod(collection, element).Invoke(null, [scalar])!;
    }

    private static (DynamoDbScalarCodec, ValueComparer) List<TCollection, TElement>(DynamoDbScalarCodec element)
        where TCollection : class, IEnumerable<TElement>
    {
        var create = typeof(TCollection).IsArray
            ? (Func<IEnumerable<TElement>, TCollection>)(items => (TCollection)(object)items.ToArray())
            : items => (TCollection)(object)items.ToList();
        var read = CompileRead(element);
        var codec = new DynamoDbScalarCodec<TCollection>(
            DynamoDbAttributeType.List,
            items => new AttributeValue { L = items.Select(e => WriteElement(element, e)).ToList() },
            value => create((value.L ?? throw Mismatch("L", value)).Select(v => ReadElement<TElement>(read, v))));
        var comparer = new ValueComparer<TCollection>(
            (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b, ElementComparer<TElement>()),
            c => c.Aggregate(0, (hash, e) => HashCode.Combine(hash, e == null ? 0 : ElementComparer<TElement>().GetHashCode(e))),
            c => create(c));
        return (codec, comparer);
    }

    private static (DynamoDbScalarCodec, ValueComparer) Set<TCollection, TElement>(DynamoDbScalarCodec element)
        where TCollection : class, IEnumerable<TElement>
        where TElement : notnull
    {
        var attributeType = element.AttributeType switch
        {
            DynamoDbAttributeType.String => DynamoDbAttributeType.StringSet,
            DynamoDbAttributeType.Number => DynamoDbAttributeType.NumberSet,
            _ => DynamoDbAttributeType.BinarySet,
        };
        Func<IEnumerable<TElement>, TCollection> create = items => (TCollection)(object)new HashSet<TElement>(items, ElementComparer<TElement>());
        var read = CompileRead(element);
        var codec = new DynamoDbScalarCodec<TCollection>(
            attributeType,
            items => WriteSet(attributeType, element, items),
            value => create(ReadSet<TElement>(attributeType, read, value)),
            () => create([]));
        var comparer = new ValueComparer<TCollection>(
            (a, b) => a == null ? b == null : b != null && a.Count() == b.Count() && a.All(e => b.Contains(e, ElementComparer<TElement>())),
            c => c.Aggregate(0, (hash, e) => hash ^ ElementComparer<TElement>().GetHashCode(e)),
            c => create(c));
        return (codec, comparer);
    }

    private static (DynamoDbScalarCodec, ValueComparer) Map<TCollection, TElement>(DynamoDbScalarCodec element)
        where TCollection : class, IEnumerable<KeyValuePair<string, TElement>>
    {
        Func<IEnumerable<KeyValuePair<string, TElement>>, TCollection> create = pairs => (TCollection)(object)new Dictionary<string, TElement>(pairs);
        var read = CompileRead(element);
        var codec = new DynamoDbScalarCodec<TCollection>(
            DynamoDbAttributeType.Map,
            pairs => new AttributeValue
            {
                M = pairs.ToDictionary(
                    p => p.Key.Length > 0 ? p.Key : throw new InvalidOperationException(DynamoDbStrings.EmptyMapKey),
                    p => WriteElement(element, p.Value)),
            },
            value => create((value.M ?? throw Mismatch("M", value)).Select(p => KeyValuePair.Create(p.Key, ReadElement<TElement>(read, p.Value)))));
        var comparer = new ValueComparer<TCollection>(
            (a, b) => a == null ? b == null : b != null && a.Count() == b.Count()
                && a.All(p => b.Any(q => q.Key == p.Key && ElementComparer<TElement>().Equals(q.Value, p.Value))),
            c => c.Aggregate(0, (hash, p) => hash ^ HashCode.Combine(p.Key, p.Value == null ? 0 : ElementComparer<TElement>().GetHashCode(p.Value))),
            c => create(c));
        return (codec, comparer);
    }

    private static AttributeValue WriteElement<TElement>(DynamoDbScalarCodec element, TElement value)
        => value == null ? new AttributeValue { NULL = true } : element.WriteObject(value)!;

    private static TElement ReadElement<TElement>(Func<AttributeValue, object> read, AttributeValue value)
        => value.NULL == true ? default! : (TElement)read(value);

    /// <summary>The element reader, compiled once per collection type.</summary>
    private static Func<AttributeValue, object> CompileRead(DynamoDbScalarCodec element)
    {
        var parameter = System.Linq.Expressions.Expression.Parameter(typeof(AttributeValue), "value");
        return System.Linq.Expressions.Expression.Lambda<Func<AttributeValue, object>>(
            System.Linq.Expressions.Expression.Convert(element.CreateReadExpression(parameter), typeof(object)), parameter).Compile();
    }

    private static AttributeValue? WriteSet<TElement>(DynamoDbAttributeType type, DynamoDbScalarCodec element, IEnumerable<TElement> items)
    {
        var values = items.Select(e => e == null
            ? throw new InvalidOperationException(DynamoDbStrings.NullSetElement)
            : element.WriteObject(e)!).ToList();

        // Distinct in .NET (byte arrays by reference, values a converter maps alike) is not always distinct stored:
        // DynamoDB refuses a set with duplicates.
        if (values.Select(v => v.S ?? v.N ?? Convert.ToBase64String(v.B.ToArray())).Distinct().Count() != values.Count)
        {
            throw new InvalidOperationException(DynamoDbStrings.DuplicateSetElement);
        }

        return values.Count == 0
            ? null
            : type switch
            {
                DynamoDbAttributeType.StringSet => new AttributeValue { SS = values.Select(v => v.S).ToList() },
                DynamoDbAttributeType.NumberSet => new AttributeValue { NS = values.Select(v => v.N).ToList() },
                _ => new AttributeValue { BS = values.Select(v => v.B).ToList() },
            };
    }

    private static IEnumerable<TElement> ReadSet<TElement>(DynamoDbAttributeType type, Func<AttributeValue, object> read, AttributeValue value)
        => type switch
        {
            DynamoDbAttributeType.StringSet => (value.SS ?? throw Mismatch("SS", value)).Select(s => (TElement)read(new AttributeValue { S = s })),
            DynamoDbAttributeType.NumberSet => (value.NS ?? throw Mismatch("NS", value)).Select(n => (TElement)read(new AttributeValue { N = n })),
            _ => (value.BS ?? throw Mismatch("BS", value)).Select(b => (TElement)read(new AttributeValue { B = b })),
        };

    private static IEqualityComparer<T> ElementComparer<T>()
        => typeof(T) == typeof(byte[]) ? (IEqualityComparer<T>)(object)ByteArrayComparer.Instance : EqualityComparer<T>.Default;

    private static InvalidOperationException Mismatch(string expected, AttributeValue actual)
        => new(DynamoDbStrings.UnexpectedAttributeType(expected, DynamoDbScalarCodecs.DescribeType(actual)));

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>
    {
        public static readonly ByteArrayComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x == null ? y == null : y != null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj)
        {
            var hash = new HashCode();
            hash.AddBytes(obj);
            return hash.ToHashCode();
        }
    }
}
