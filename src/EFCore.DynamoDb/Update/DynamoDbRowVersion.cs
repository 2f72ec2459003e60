using System.Globalization;
using System.Buffers.Binary;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Update;

/// <summary>
/// Row versions the provider increments on every write (DynamoDB has no <c>rowversion</c>): integers, or
/// <c>byte[]</c> (<c>[Timestamp]</c>) as an 8-byte big-endian counter stored as binary (B).
/// </summary>
internal static class DynamoDbRowVersion
{
    public static bool IsRowVersion(IReadOnlyProperty property)
        => property.IsConcurrencyToken && property.ValueGenerated == ValueGenerated.OnAddOrUpdate;

    /// <summary>Whether the provider can increment values of the type.</summary>
    public static bool IsSupported(Type type)
        => (Nullable.GetUnderlyingType(type) ?? type) is var t
            && (t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(uint) || t == typeof(ulong) || t == typeof(byte[]));

    /// <summary>The version after <paramref name="original"/> (null for a new item: the first version, 1).</summary>
    public static object Next(IProperty property, object? original)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        if (type == typeof(byte[]))
        {
            var next = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(next, (original is byte[] { Length: 8 } bytes ? BinaryPrimitives.ReadUInt64BigEndian(bytes) : 0UL) + 1);
            return next;
        }

        return type == typeof(ulong)
            ? Convert.ToUInt64(original ?? 0UL, CultureInfo.InvariantCulture) + 1
            : Convert.ChangeType(Convert.ToInt64(original ?? 0L, CultureInfo.InvariantCulture) + 1, type, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A binary version no item holds yet, for a write that cannot read the current one (<c>ExecuteUpdate</c>): the
    /// current time in ticks, so later increments keep counting up from it.
    /// </summary>
    public static byte[] NewBinary()
    {
        var version = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(version, (ulong)DateTime.UtcNow.Ticks);
        return version;
    }
}
