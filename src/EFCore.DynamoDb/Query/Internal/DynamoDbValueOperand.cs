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

    /// <summary>
    /// The expression as a value the provider can send (a constant or a query parameter), or null when it depends
    /// on the entity. A subtree of constants EF Core left as it is (such as <c>new SkuId("42")</c>) is evaluated once, here.
    /// </summary>
    public static Expression? AsValue(Expression expression)
    {
        if (Unwrap(expression) is ConstantExpression or QueryParameterExpression)
        {
            return expression;
        }

        return ConstantSubtreeDetector.IsConstant(expression)
            ? Expression.Constant(Expression.Lambda(expression).Compile(preferInterpretation: true).DynamicInvoke(), expression.Type)
            : null;
    }

    private static Expression Unwrap(Expression expression)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            expression = convert.Operand;
        }

        return expression;
    }

    public override string ToString() => ValueExpression is ConstantExpression c ? c.Value?.ToString() ?? "null" : ValueExpression.ToString();

    /// <summary>Finds whether a tree is made of constants only: no lambda parameter, query parameter or entity.</summary>
    private sealed class ConstantSubtreeDetector : ExpressionVisitor
    {
        private bool _constant = true;

        public static bool IsConstant(Expression expression)
        {
            var detector = new ConstantSubtreeDetector();
            detector.Visit(expression);
            return detector._constant;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            _constant = false;
            return node;
        }

        protected override Expression VisitExtension(Expression node)
        {
            _constant = false;
            return node;
        }

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            _constant = false;
            return node;
        }
    }
}
