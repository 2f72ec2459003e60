using System.Globalization;
using System.Linq.Expressions;
using System.Diagnostics;
using System.Reflection;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// A value compared with a property: a constant of the query, one of its parameters, or a client expression over
/// them (such as <c>DateTime.UtcNow.AddDays(-days)</c>), evaluated per execution and always sent as an expression
/// attribute value (never spliced into the expression text), converted as the property's values are.
/// </summary>
internal sealed class DynamoDbValueOperand(Expression valueExpression, IProperty? property, DynamoDbScalarCodec? elementCodec = null)
{
    /// <summary>A count (the size of a collection of complex values), written as a number.</summary>
    public static DynamoDbValueOperand Count(Expression valueExpression)
        => new(valueExpression, null, DynamoDbScalarCodecs.Find(typeof(int)));

    private IProperty Property => property ?? throw new UnreachableException("A count operand has no property.");

    private static readonly ParameterExpression ParametersParameter
        = Expression.Parameter(typeof(IReadOnlyDictionary<string, object?>), "parameters");

    private static readonly MethodInfo ParameterValueMethod
        = typeof(DynamoDbValueOperand).GetMethod(nameof(ParameterValue), BindingFlags.Static | BindingFlags.NonPublic)!;

    private readonly Lazy<Func<IReadOnlyDictionary<string, object?>, object?>> _evaluator = new(() => Compile(valueExpression));

    /// <summary>The value's expression, possibly behind a conversion.</summary>
    public Expression ValueExpression { get; } = valueExpression;

    private object? EvaluateRaw(IReadOnlyDictionary<string, object?> parameters)
        => Unwrap(ValueExpression) switch
        {
            ConstantExpression constant => constant.Value,
            QueryParameterExpression parameter => parameters[parameter.Name],
            _ => _evaluator.Value(parameters),
        };

    /// <summary>Evaluates the value for one execution of the query.</summary>
    public object? Evaluate(IReadOnlyDictionary<string, object?> parameters)
    {
        var value = EvaluateRaw(parameters);

        var propertyType = Nullable.GetUnderlyingType(Property.ClrType) ?? Property.ClrType;
        if (value == null || propertyType.IsInstanceOfType(value) || IsNumber(value))
        {
            // A number of another type (Age > 29.5) is compared as it is: DynamoDB compares N values exactly.
            return value;
        }

        // C# compares enums through their underlying number: turn the number back into the enum. Elements given for a
        // collection property (ExecuteUpdate's Union, Except, Concat) become a collection of its type.
        return propertyType.IsEnum ? Enum.ToObject(propertyType, value)
            : value is System.Collections.IEnumerable items and not string && DynamoDbCollectionCodecs.Find(propertyType) != null
                ? DynamoDbCollectionCodecs.ToCollection(propertyType, items)
            : Convert.ChangeType(value, propertyType, CultureInfo.InvariantCulture);
    }

    /// <summary>The attribute value to send for one execution; null when the value is null.</summary>
    public AttributeValue? ToAttributeValue(IReadOnlyDictionary<string, object?> parameters)
    {
        if (elementCodec != null)
        {
            // An element of a collection property (Tags.Contains("x")), written as the collection's elements are.
            return Unwrap(ValueExpression) is var element && EvaluateRaw(parameters) is { } raw
                ? elementCodec.WriteObject(element.Type.IsEnum ? Convert.ChangeType(raw, Enum.GetUnderlyingType(element.Type), CultureInfo.InvariantCulture) : raw)
                : null;
        }

        var mapping = (DynamoDbTypeMapping)Property.GetTypeMapping();
        var value = Evaluate(parameters);
        var propertyType = Nullable.GetUnderlyingType(Property.ClrType) ?? Property.ClrType;
        return value != null && !propertyType.IsInstanceOfType(value) && mapping.Converter == null
            ? DynamoDbScalarCodecs.Find(value.GetType())!.WriteObject(value)
            : mapping.ToAttributeValue(value);
    }

    /// <summary>
    /// The expression as a value the provider can send, or null when it depends on the entity: a constant, a query
    /// parameter, or an expression over constants and parameters that EF Core left in the tree (<c>new SkuId("42")</c>,
    /// <c>DateTime.UtcNow</c>), which is evaluated again on every execution.
    /// </summary>
    public static Expression? AsValue(Expression expression)
        => Unwrap(expression) is ConstantExpression or QueryParameterExpression || ClientValueDetector.IsClientValue(expression)
            ? expression
            : null;

    private bool IsNumber(object value)
        => Property.GetTypeMapping().Converter == null
            && DynamoDbScalarCodecs.Find(value.GetType())?.AttributeType == DynamoDbAttributeType.Number
            && ((DynamoDbTypeMapping)Property.GetTypeMapping()).Codec.AttributeType == DynamoDbAttributeType.Number;

    private static Func<IReadOnlyDictionary<string, object?>, object?> Compile(Expression expression)
    {
        var body = new ParameterReplacingVisitor().Visit(expression);
        return Expression.Lambda<Func<IReadOnlyDictionary<string, object?>, object?>>(
            Expression.Convert(body, typeof(object)), ParametersParameter).Compile();
    }

    private static T ParameterValue<T>(IReadOnlyDictionary<string, object?> parameters, string name) => (T)parameters[name]!;

    private static Expression Unwrap(Expression expression)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            expression = convert.Operand;
        }

        return expression;
    }

    public override string ToString() => ValueExpression is ConstantExpression c ? c.Value?.ToString() ?? "null" : ValueExpression.ToString();

    /// <summary>Reads each query parameter from the parameters of the execution.</summary>
    private sealed class ParameterReplacingVisitor : ExpressionVisitor
    {
        protected override Expression VisitExtension(Expression node)
            => node is QueryParameterExpression parameter
                ? Expression.Call(ParameterValueMethod.MakeGenericMethod(parameter.Type), ParametersParameter, Expression.Constant(parameter.Name))
                : base.VisitExtension(node);
    }

    /// <summary>Finds whether a tree is computed on the client: no lambda parameter and no entity, only constants and query parameters.</summary>
    private sealed class ClientValueDetector : ExpressionVisitor
    {
        private bool _clientValue = true;

        public static bool IsClientValue(Expression expression)
        {
            var detector = new ClientValueDetector();
            detector.Visit(expression);
            return detector._clientValue;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            _clientValue = false;
            return node;
        }

        protected override Expression VisitExtension(Expression node)
        {
            _clientValue &= node is QueryParameterExpression;
            return node;
        }

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            _clientValue = false;
            return node;
        }
    }
}
