using System.Linq.Expressions;
using EFCore.DynamoDb.Properties;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>What DynamoDB can do instead of a condition it cannot express, in the terms of the condition the user wrote.</summary>
internal static class DynamoDbRefusalHint
{
    private static readonly HashSet<string> CaseChanges = ["ToLower", "ToUpper", "ToLowerInvariant", "ToUpperInvariant"];

    private static readonly HashSet<string> DateParts = ["Year", "Month", "Day", "Hour", "Minute", "Second", "DayOfWeek", "DayOfYear", "Date", "TimeOfDay"];

    public static string For(Expression condition)
        => Holds(condition, IsCaseInsensitive) ? DynamoDbStrings.CaseInsensitiveHint
            : Holds(condition, n => n is MethodCallExpression { Method.Name: nameof(string.EndsWith) } call && call.Method.DeclaringType == typeof(string))
                ? DynamoDbStrings.EndsWithHint
            : Holds(condition, IsDatePart) ? DynamoDbStrings.DatePartHint
            : Holds(condition, IsComputation) ? DynamoDbStrings.ComputedAttributeHint
            : DynamoDbStrings.SupportedConditionsHint;

    private static bool Holds(Expression condition, Func<Expression, bool> test) => DynamoDbExpressionSearch.Any(condition, test);

    /// <summary><c>x.Name.ToLower()</c>, or <c>string.Equals</c> / <c>Compare</c> / <c>StartsWith</c> with a <see cref="StringComparison"/>.</summary>
    private static bool IsCaseInsensitive(Expression node)
        => node is MethodCallExpression call && call.Method.DeclaringType == typeof(string)
            && (CaseChanges.Contains(call.Method.Name) || call.Arguments.Any(a => a.Type == typeof(StringComparison)));

    /// <summary><c>x.At.Year</c> and the like on a date or time.</summary>
    private static bool IsDatePart(Expression node)
        => node is MemberExpression { Expression: { } instance } member
            && DateParts.Contains(member.Member.Name)
            && (Nullable.GetUnderlyingType(instance.Type) ?? instance.Type) is var type
            && (type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeOnly));

    /// <summary>Arithmetic, a cast that changes values, or a string function other than those DynamoDB has.</summary>
    private static bool IsComputation(Expression node)
        => (node is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert
                && !DynamoDbConversions.IsLossless(convert.Operand.Type, convert.Type))
            || node.NodeType is ExpressionType.Add or ExpressionType.AddChecked or ExpressionType.Subtract or ExpressionType.SubtractChecked
                or ExpressionType.Multiply or ExpressionType.MultiplyChecked or ExpressionType.Divide or ExpressionType.Modulo
            || (node is MethodCallExpression { Object: not null } call && call.Method.DeclaringType == typeof(string)
                && call.Method.Name is not (nameof(string.StartsWith) or nameof(string.Contains) or nameof(string.CompareTo) or nameof(string.Equals)));
}
