using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// What a condition reads from the item, bound at translation: the document path of a property's attribute, of an
/// element of a list by index, of a member of an element of a collection, or the size of one of these; the CLR type
/// of the values it is compared with; and how such a value is written to compare with it.
/// </summary>
internal sealed class DynamoDbAttributeOperand
{
    private readonly DynamoDbTypeMapping? _mapping;
    private readonly DynamoDbScalarCodec? _codec;

    private DynamoDbAttributeOperand(
        IPropertyBase property, IReadOnlyList<DynamoDbPathSegment> path, DynamoDbTypeMapping? mapping, DynamoDbScalarCodec? codec, bool isSize = false)
    {
        Property = property;
        Path = path;
        _mapping = mapping;
        _codec = codec;
        IsSize = isSize;
        var clrType = mapping?.ClrType ?? codec!.ClrType;
        ValueType = Nullable.GetUnderlyingType(clrType) ?? clrType;
        var indexed = path.Any(s => s.Index != null);
        WholeProperty = !isSize && !indexed && property is IProperty whole ? whole : null;
        IsNullable = isSize || indexed || property is IProperty { IsNullable: true };
    }

    /// <summary>The property whose attribute is read: the property's, the list's, the collection's whose element member is read, or the one whose size is read.</summary>
    public IPropertyBase Property { get; }

    /// <summary>The document path, outermost name first.</summary>
    public IReadOnlyList<DynamoDbPathSegment> Path { get; }

    /// <summary>The (non-nullable) CLR type of the values the operand is compared with.</summary>
    public Type ValueType { get; }

    /// <summary>The DynamoDB type the attribute is stored as (a number for a size).</summary>
    public DynamoDbAttributeType AttributeType => (_mapping?.Codec ?? _codec)!.AttributeType;

    /// <summary>Whether the operand is the size of the attribute (a string's length, a collection's count) rather than its value.</summary>
    public bool IsSize { get; }

    /// <summary>The property when the operand is its whole attribute, as key conditions read keys; null for elements, members and sizes.</summary>
    public IProperty? WholeProperty { get; }

    /// <summary>Whether the attribute may be absent or NULL.</summary>
    public bool IsNullable { get; }

    /// <summary>
    /// Whether values are DynamoDB numbers written without a value converter, so that a number of another CLR type
    /// (<c>x.Age &gt; 29.5</c>) is compared as it is: DynamoDB compares numbers exactly.
    /// </summary>
    public bool ComparesNumbersExactly
        => (_mapping?.Converter == null ? _mapping?.Codec : _codec)?.AttributeType == DynamoDbAttributeType.Number;

    /// <summary>The whole attribute of a property (of the entity, or nested in owned or complex types).</summary>
    public static DynamoDbAttributeOperand Of(IProperty property)
        => new(property, Segments(property.GetDocumentPath()), (DynamoDbTypeMapping)property.GetTypeMapping(), null);

    /// <summary>An element of a list property read by a constant index (<c>x.Tags[0]</c>).</summary>
    public static DynamoDbAttributeOperand Element(IProperty list, int index, DynamoDbScalarCodec elementCodec)
        => new(list, WithIndex(Segments(list.GetDocumentPath()), index), null, elementCodec);

    /// <summary>The elements of a collection property, as <c>contains(#Tags, :v)</c> compares them with a value.</summary>
    public static DynamoDbAttributeOperand ElementsOf(IProperty collection, DynamoDbScalarCodec elementCodec)
        => new(collection, Segments(collection.GetDocumentPath()), null, elementCodec);

    /// <summary>A member of an element of a complex or owned collection read by a constant index (<c>x.Lines[0].Sku</c>).</summary>
    public static DynamoDbAttributeOperand ElementMember(IPropertyBase collection, int index, IProperty member)
        => new(
            collection,
            [.. WithIndex(Segments(collection.GetDocumentPath()), index), .. Segments(member.GetDocumentPath())],
            (DynamoDbTypeMapping)member.GetTypeMapping(),
            null);

    /// <summary>The size of an attribute: a string's or binary's length, a collection's (also a complex collection's) count.</summary>
    public static DynamoDbAttributeOperand SizeOf(IPropertyBase sized)
        => new(sized, Segments(sized.GetDocumentPath()), null, DynamoDbScalarCodecs.Find(typeof(int)), isSize: true);

    /// <summary>Writes a value of <see cref="ValueType"/>; null for null (compared as an absent attribute).</summary>
    public AttributeValue? Write(object? value)
        => _mapping != null ? _mapping.ToAttributeValue(value) : value == null ? null : _codec!.WriteObject(value);

    public override string ToString()
        => (IsSize ? "size(" : "") + string.Join(".", Path.Select(s => s.Index is { } i ? $"{s.Name}[{i}]" : s.Name)) + (IsSize ? ")" : "");

    private static DynamoDbPathSegment[] Segments(IReadOnlyList<string> names) => [.. names.Select(n => new DynamoDbPathSegment(n))];

    private static DynamoDbPathSegment[] WithIndex(DynamoDbPathSegment[] path, int index)
    {
        path[^1] = path[^1] with { Index = index };
        return path;
    }
}
