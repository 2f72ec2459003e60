using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Metadata;

/// <summary>
/// Which properties get hi-lo values and from which sequence: integer properties generated on add (EF Core's
/// default for integer keys, the SQL Server identity habit) or configured with <c>UseHiLo</c>. Their counters are
/// items of one table, <see cref="CounterTableName"/> (with the context's prefix), keyed by sequence name.
/// </summary>
internal static class DynamoDbHiLo
{
    public const int DefaultBlockSize = 10;

    /// <summary>The table of the hi-lo counters, before the context's prefix.</summary>
    public const string CounterTableName = "EFCoreHiLoSequences";

    /// <summary>The counter table's partition key: the sequence name.</summary>
    public const string SequenceAttribute = "Sequence";

    /// <summary>The counter's attribute: the highest value reserved so far.</summary>
    public const string ValueAttribute = "Value";

    private static readonly HashSet<Type> IntegerTypes =
        [typeof(int), typeof(long), typeof(short), typeof(uint), typeof(ulong), typeof(ushort)];

    public static bool UsesHiLo(IReadOnlyProperty property)
        => property.ValueGenerated == ValueGenerated.OnAdd
            && IntegerTypes.Contains(Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType)
            && property.GetValueConverter() == null
            && property.GetValueGeneratorFactory() == null
            && property.DeclaringType is IReadOnlyEntityType { BaseType: null } entityType
            && !entityType.IsOwned()
            && (property.IsPrimaryKey() || property.FindAnnotation(DynamoDbAnnotationNames.HiLoBlockSize) != null);

    /// <summary>The sequence of a hi-lo property: its own, the model's, or its table's name.</summary>
    public static string SequenceName(IReadOnlyProperty property)
        => property[DynamoDbAnnotationNames.HiLoSequenceName] as string
            ?? property.DeclaringType.Model[DynamoDbAnnotationNames.HiLoSequenceName] as string
            ?? ((IReadOnlyEntityType)property.DeclaringType).GetTableName()!;

    public static int BlockSize(IReadOnlyProperty property)
        => property[DynamoDbAnnotationNames.HiLoBlockSize] as int?
            ?? property.DeclaringType.Model[DynamoDbAnnotationNames.HiLoBlockSize] as int?
            ?? DefaultBlockSize;

    /// <summary>Whether the model has hi-lo properties, whose counter table <c>EnsureCreated</c> provisions.</summary>
    public static bool IsUsed(IModel model)
        => model.GetEntityTypes().SelectMany(t => t.GetDeclaredProperties()).Any(UsesHiLo);

    public static void CheckArguments(string? sequenceName, int blockSize)
    {
        if (sequenceName != null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(sequenceName);
        }

        if (blockSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(blockSize), blockSize, DynamoDbStrings.HiLoBlockSize);
        }
    }
}
