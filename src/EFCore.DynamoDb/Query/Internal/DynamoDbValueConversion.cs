using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// How values of the CLR type a query gives are written as an attribute operand's values, decided at translation:
/// converted to the operand's type (an enum from its number, <c>int?</c> to <c>long</c>, elements into the property's
/// collection type) by a conversion compiled once per pair of types, then written by the operand's mapping. A
/// number of another type compared with a number attribute is written as it is: DynamoDB compares numbers exactly.
/// </summary>
internal static class DynamoDbValueConversion
{
    private static readonly ConcurrentDictionary<(Type From, Type To), Func<object, object>?> Conversions = new();

    /// <summary>The writer of values of <paramref name="sourceType"/> as values of <paramref name="target"/>.</summary>
    /// <exception cref="InvalidOperationException">No conversion turns such a value into the operand's type.</exception>
    public static Func<object?, AttributeValue?> Writer(Type sourceType, DynamoDbAttributeOperand target)
    {
        var source = Nullable.GetUnderlyingType(sourceType) ?? sourceType;
        if (source != target.ValueType && target.ComparesNumbersExactly
            && DynamoDbScalarCodecs.Find(source) is { AttributeType: DynamoDbAttributeType.Number } number)
        {
            return value => value == null ? null : number.WriteObject(value);
        }

        if (target.ValueType.IsAssignableFrom(source))
        {
            return target.Write;
        }

        if (source == typeof(char) && target.ValueType == typeof(string))
        {
            // x.Name.StartsWith('A'): the character as a one-character string.
            return value => target.Write(value?.ToString());
        }

        if (source != typeof(string) && typeof(IEnumerable).IsAssignableFrom(source) && DynamoDbCollectionCodecs.Find(target.ValueType) != null)
        {
            // The elements of Union, Except or Concat in ExecuteUpdate, written as the collection property is.
            return value => target.Write(value == null ? null : DynamoDbCollectionCodecs.ToCollection(target.ValueType, (IEnumerable)value));
        }

        var convert = Conversions.GetOrAdd((source, target.ValueType), static types => Compile(types.From, types.To))
            ?? throw new InvalidOperationException(DynamoDbStrings.UncomparableValue(target.ToString(), target.ValueType.Name, sourceType.Name));
        return value => target.Write(value == null ? null : convert(value));
    }

    private static Func<object, object>? Compile(Type from, Type to)
    {
        var boxed = Expression.Parameter(typeof(object), "value");
        try
        {
            var converted = Expression.Convert(Expression.Convert(boxed, from), to);
            return Expression.Lambda<Func<object, object>>(Expression.Convert(converted, typeof(object)), boxed).Compile();
        }
        catch (InvalidOperationException)
        {
            // No conversion exists between the two types.
            return null;
        }
    }
}
