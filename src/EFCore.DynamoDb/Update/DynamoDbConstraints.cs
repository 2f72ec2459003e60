using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Update;
using EFCore.DynamoDb.Properties;

namespace EFCore.DynamoDb.Update;

/// <summary>
/// The model's constraints, which DynamoDB cannot enforce (it has no schema): a required property holds a value, a
/// string or binary value fits its maximum length. Checked before anything is sent.
/// </summary>
internal static class DynamoDbConstraints
{
    /// <summary>Null when the value meets the property's constraints; else its length and the maximum (length -1: a required value is missing).</summary>
    public static (int Length, int MaxLength)? Violation(IProperty property, object? value)
        => value == null
            ? property.IsNullable ? null : (-1, 0)
            : property.GetMaxLength() is { } maxLength && ((value as string)?.Length ?? (value as byte[])?.Length) is { } length && length > maxLength
                ? (length, maxLength)
                : null;

    /// <summary>The exception of a violated constraint, naming the entity type, its key and the property.</summary>
    public static DbUpdateException Failed(IUpdateEntry entry, IProperty property, (int Length, int MaxLength) violation, string key)
        => new(
            violation.Length < 0
                ? DynamoDbStrings.RequiredValueMissing(entry.EntityType.DisplayName(), key, property.Name)
                : DynamoDbStrings.MaxLengthExceeded(entry.EntityType.DisplayName(), key, property.Name, violation.Length, violation.MaxLength),
            [entry]);
}
