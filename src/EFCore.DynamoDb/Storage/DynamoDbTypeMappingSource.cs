using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EFCore.DynamoDb.Storage;

/// <summary>
/// Finds the DynamoDB mapping of a CLR type: strings, Guids, chars and dates as S, numbers as N, bool as BOOL,
/// byte[] as B, enums as N through a number converter (as S with <c>HasConversion&lt;string&gt;()</c>), and
/// collections of those as L, SS/NS/BS or M.
/// </summary>
internal sealed class DynamoDbTypeMappingSource(TypeMappingSourceDependencies dependencies) : TypeMappingSource(dependencies)
{
    protected override CoreTypeMapping? FindMapping(in TypeMappingInfo mappingInfo)
    {
        var clrType = mappingInfo.ClrType;
        if (clrType == null)
        {
            return null;
        }

        var type = Nullable.GetUnderlyingType(clrType) ?? clrType;
        if (type.IsEnum)
        {
            var underlying = Enum.GetUnderlyingType(type);
            var converter = (ValueConverter)Activator.CreateInstance(
                typeof(EnumToNumberConverter<,>).MakeGenericType(type, underlying))!;
            return new DynamoDbTypeMapping(clrType, DynamoDbScalarCodecs.Find(underlying)!, converter);
        }

        var codec = DynamoDbScalarCodecs.Find(type);
        if (codec == null)
        {
            return DynamoDbCollectionCodecs.Find(clrType) is { } collection
                ? new DynamoDbTypeMapping(clrType, collection.Codec, comparer: collection.Comparer)
                : null;
        }

        // Byte arrays compare by content, so in-place changes are detected and binary keys resolve identities.
        var comparer = type == typeof(byte[]) ? new ValueComparer<byte[]>(favorStructuralComparisons: true) : null;
        return new DynamoDbTypeMapping(clrType, codec, comparer: comparer);
    }
}
