using System.Linq.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Which conversions in a LINQ tree keep every value, so that translation can look through them (<c>(long?)x.Count</c>,
/// <c>(object)5L</c>), and which change values (<c>(int)x.Price</c>), so that it must not.
/// </summary>
internal static class DynamoDbConversions
{
    private static readonly Dictionary<Type, Type[]> IntegralWidenings = new()
    {
        [typeof(sbyte)] = [typeof(short), typeof(int), typeof(long)],
        [typeof(byte)] = [typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong)],
        [typeof(short)] = [typeof(int), typeof(long)],
        [typeof(ushort)] = [typeof(int), typeof(uint), typeof(long), typeof(ulong)],
        [typeof(int)] = [typeof(long)],
        [typeof(uint)] = [typeof(long), typeof(ulong)],
        [typeof(char)] = [typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong)],
        [typeof(long)] = [],
        [typeof(ulong)] = [],
    };

    private static readonly HashSet<Type> NonIntegralNumbers = [typeof(float), typeof(double), typeof(decimal)];

    /// <summary>
    /// Whether converting values of <paramref name="from"/> to <paramref name="to"/> can be looked through: boxing and
    /// unboxing, a reference cast (<c>(string)x["Colour"]</c>), to or from <c>Nullable</c>, an enum to or from its underlying type, and a number to a type
    /// that holds it (an integral type to a wider one, or to a floating point or decimal type, compared as exactly as
    /// DynamoDB compares numbers; float to double). Not: a number truncated, narrowed or rounded (<c>(int)x.Price</c>,
    /// <c>(short)x.Count</c>, <c>(decimal)x.Ratio</c>).
    /// </summary>
    public static bool IsLossless(Type from, Type to)
    {
        var (source, target) = (Nullable.GetUnderlyingType(from) ?? from, Nullable.GetUnderlyingType(to) ?? to);
        source = source.IsEnum && !target.IsEnum ? Enum.GetUnderlyingType(source) : source;
        target = target.IsEnum && !source.IsEnum ? Enum.GetUnderlyingType(target) : target;
        if (source == target || target == typeof(object) || source == typeof(object)
            || (!source.IsValueType && (target.IsAssignableFrom(source) || source.IsAssignableFrom(target))))
        {
            return true;
        }

        if (IntegralWidenings.TryGetValue(source, out var wider))
        {
            // An integral number to a wider one, or to a floating point or decimal type (compared exactly, as DynamoDB
            // compares numbers, also where a very large long would round as a double).
            return wider.Contains(target) || NonIntegralNumbers.Contains(target);
        }

        // Between floating point and decimal only float to double keeps every value ((decimal)0.1d rounds).
        return source == typeof(float) && target == typeof(double);
    }

    /// <summary>The expression without the conversions around it that keep every value.</summary>
    public static Expression WithoutLosslessConversions(Expression expression)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert
            && IsLossless(convert.Operand.Type, convert.Type))
        {
            expression = convert.Operand;
        }

        return expression;
    }

    /// <summary>Whether a conversion around the expression changes values (<c>(int)x.Price</c>).</summary>
    public static bool HasLossyConversion(Expression expression)
        => WithoutLosslessConversions(expression) is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked };
}
