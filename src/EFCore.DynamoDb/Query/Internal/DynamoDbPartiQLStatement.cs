using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>Builds and binds <c>FromPartiQL</c> statements: placeholders become <c>?</c> parameters, tables get the context's prefix.</summary>
internal static class DynamoDbPartiQLStatement
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
        var from = Regex.Match(statement, @"\bFROM\s+(?:""(?<name>[^""]+)""|(?<name>[A-Za-z_][A-Za-z0-9_]*))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        if (!from.Success || from.Groups["name"].Value != tableName)
        {
            throw new InvalidOperationException(
                Properties.DynamoDbStrings.PartiQLOtherTable(entityType, from.Success ? from.Groups["name"].Value : null, tableName));
        }
    }

    /// <summary>The statement as this context sends it: the mapped table name after FROM gets the table prefix.</summary>
    public static string ResolveTables(string statement, string tableName, string resolvedTableName)
        => resolvedTableName == tableName
            ? statement
            : Regex.Replace(
                statement,
                $@"\bFROM\s+(""{Regex.Escape(tableName)}""|{Regex.Escape(tableName)})(?=[\s.;]|$)",
                $"FROM \"{resolvedTableName.Replace("$", "$$", StringComparison.Ordinal)}\"",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

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
