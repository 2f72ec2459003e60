using System.Linq.Expressions;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// A value compared with a property: a constant of the query or one of its parameters, always sent as an
/// expression attribute value (never spliced into the expression text), converted as the property's values are.
/// </summary>
internal sealed class DynamoDbValueOperand(Expression valueExpression, IProperty property)
{
    /// <summary>The constant or query parameter, possibly behind a conversion.</summary>
    public Expression ValueExpression { get; } = valueExpression;

    /// <summary>Evaluates the value for one execution of the query, as a value of the property's CLR type.</summary>
    public object? Evaluate(IReadOnlyDictionary<string, object?> parameters)
    {
        var value = Unwrap(ValueExpression) switch
        {
            ConstantExpression constant => constant.Value,
            QueryParameterExpression parameter => parameters[parameter.Name],
            var other => throw new InvalidOperationException(other.ToString()),
        };

        var propertyType = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        if (value == null || propertyType.IsInstanceOfType(value))
        {
            return value;
        }

        // C# compares enums through their underlying number: turn the number back into the enum.
        return propertyType.IsEnum ? Enum.ToObject(propertyType, value) : Convert.ChangeType(value, propertyType);
    }

    /// <summary>The attribute value to send for one execution; null when the value is null.</summary>
    public Amazon.DynamoDBv2.Model.AttributeValue? ToAttributeValue(IReadOnlyDictionary<string, object?> parameters)
        => ((DynamoDbTypeMapping)property.GetTypeMapping()).ToAttributeValue(Evaluate(parameters));

    /// <summary>Whether the expression is a value the provider can send: a constant or a query parameter.</summary>
    public static bool IsValue(Expression expression) => Unwrap(expression) is ConstantExpression or QueryParameterExpression;

    private static Expression Unwrap(Expression expression)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            expression = convert.Operand;
        }

        return expression;
    }

    public override string ToString() => ValueExpression is ConstantExpression c ? c.Value?.ToString() ?? "null" : ValueExpression.ToString();
}
