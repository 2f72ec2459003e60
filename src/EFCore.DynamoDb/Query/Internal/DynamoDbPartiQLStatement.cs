using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>Builds and binds <c>FromPartiQL</c> statements: placeholders become <c>?</c> parameters, tables get the context's prefix.</summary>
internal static partial class DynamoDbPartiQLStatement
{
    /// <summary>
    /// The statement text with one <c>?</c> per interpolation hole, and the expression of its values in that order
    /// (each value a closure member, so EF Core makes it a query parameter and the compiled query is reused).
    /// </summary>
    public static (string Statement, Expression Arguments) Parameterize(FormattableString statement)
    {
        var order = new List<int>();
        var placeholders = Enumerable.Range(0, statement.ArgumentCount).Select(i => (object)new Placeholder(i, order)).ToArray();
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, statement.Format, placeholders);
        var values = order.Select(i => (Expression)Expression.Field(
            Expression.Constant(new StrongBox<object?>(statement.GetArgument(i))), nameof(StrongBox<object>.Value)));
        return (text, Expression.NewArrayInit(typeof(object), values));
    }

    /// <summary>
    /// Refuses, before anything is sent, a statement that reads another table than the entity type's (its items would
    /// be materialized as that type, and the name would not get the table prefix).
    /// </summary>
    public static void CheckReadsTable(string statement, string tableName, string entityType)
    {
        var read = TableAfterFrom(statement)?.Groups["name"].Value;
        if (read != tableName)
        {
            throw new InvalidOperationException(Properties.DynamoDbStrings.PartiQLOtherTable(entityType, read, tableName));
        }
    }

    /// <summary>
    /// The statement as this context sends it: the table after FROM (the mapped name, as <see cref="CheckReadsTable"/>
    /// ensured when the query was planned) gets the table prefix.
    /// </summary>
    public static string ResolveTables(string statement, string tableName, string resolvedTableName)
    {
        if (resolvedTableName == tableName || TableAfterFrom(statement)?.Groups["table"] is not { } table)
        {
            return statement;
        }

        return string.Concat(statement.AsSpan(0, table.Index), $"\"{resolvedTableName}\"", statement.AsSpan(table.Index + table.Length));
    }

    /// <summary>
    /// The table named after the first FROM keyword outside quoted names and string literals (<c>"..."</c>,
    /// <c>'...'</c>): group <c>table</c> as written, group <c>name</c> without quotes; null when there is none.
    /// </summary>
    private static Match? TableAfterFrom(string statement)
    {
        for (var i = 0; i < statement.Length; i++)
        {
            if (statement[i] is '"' or '\'')
            {
                i = statement.IndexOf(statement[i], i + 1) is var end and >= 0 ? end : statement.Length;
            }
            else if (IsKeywordAt(statement, i, "FROM"))
            {
                var table = TableName().Match(statement, i + 4);
                return table.Success ? table : null;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\G\s*(?<table>""(?<name>[^""]+)""|(?<name>[A-Za-z_][A-Za-z0-9_]*))")]
    private static partial Regex TableName();

    private static bool IsKeywordAt(string text, int at, string keyword)
        => string.Compare(text, at, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) == 0
            && (at == 0 || !IsNameCharacter(text[at - 1]))
            && (at + keyword.Length == text.Length || !IsNameCharacter(text[at + keyword.Length]));

    private static bool IsNameCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>The values of one execution as attribute values, each converted by the mapping of its CLR type.</summary>
    public static List<AttributeValue> BindValues(Expression arguments, IReadOnlyDictionary<string, object?> parameters, ITypeMappingSource typeMappings)
    {
        var values = arguments switch
        {
            NewArrayExpression array => array.Expressions.Select(e => Evaluate(e, parameters)).ToArray(),
            _ => (object?[])Evaluate(arguments, parameters)!,
        };

        return values.Select(value => value == null
                ? new AttributeValue { NULL = true }
                : (typeMappings.FindMapping(value.GetType()) as DynamoDbTypeMapping)?.ToAttributeValue(value)
                    ?? throw new InvalidOperationException(Properties.DynamoDbStrings.UnsupportedPartiQLValue(value.GetType().Name)))
            .ToList();
    }

    private static object? Evaluate(Expression expression, IReadOnlyDictionary<string, object?> parameters)
        => expression switch
        {
            ConstantExpression constant => constant.Value,
            QueryParameterExpression parameter => parameters[parameter.Name],
            UnaryExpression { NodeType: ExpressionType.Convert } convert => Evaluate(convert.Operand, parameters),
            _ => Expression.Lambda(expression).Compile(preferInterpretation: true).DynamicInvoke(),
        };

    /// <summary>Formats as <c>?</c> and records the order holes appear in (a hole may repeat or come out of order).</summary>
    private sealed class Placeholder(int index, List<int> order) : IFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider)
        {
            order.Add(index);
            return "?";
        }

        public override string ToString() => ToString(null, null);
    }
}
