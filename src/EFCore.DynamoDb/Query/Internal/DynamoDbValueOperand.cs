using System.Linq.Expressions;
using System.Reflection;
using Amazon.DynamoDBv2.Model;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// A value compared with an attribute operand: a constant of the query, one of its parameters, or a client expression
/// over them (such as <c>DateTime.UtcNow.AddDays(-days)</c>), evaluated per execution and always sent as an expression
/// attribute value (never spliced into the expression text). How it is written is decided at translation, from its
/// CLR type and the operand's (<see cref="DynamoDbValueConversion"/>).
/// </summary>
internal sealed class DynamoDbValueOperand
{
    private static readonly ParameterExpression ParametersParameter
        = Expression.Parameter(typeof(IReadOnlyDictionary<string, object?>), "parameters");

    private static readonly MethodInfo ParameterValueMethod
        = typeof(DynamoDbValueOperand).GetMethod(nameof(ParameterValue), BindingFlags.Static | BindingFlags.NonPublic)!;

    private readonly Expression _value;
    private readonly Func<object?, AttributeValue?> _write;
    private readonly Lazy<Func<IReadOnlyDictionary<string, object?>, object?>> _evaluator;

    public DynamoDbValueOperand(Expression valueExpression, DynamoDbAttributeOperand target)
    {
        ValueExpression = valueExpression;
        _value = Unwrap(valueExpression);
        _write = DynamoDbValueConversion.Writer(_value.Type, target);
        _evaluator = new(() => Compile(_value));
    }

    /// <summary>A value of a property's whole attribute.</summary>
    public static DynamoDbValueOperand Of(IProperty property, Expression valueExpression)
        => new(valueExpression, DynamoDbAttributeOperand.Of(property));

    /// <summary>A value already written for one execution (an element of a list of key values).</summary>
    public static DynamoDbValueOperand Written(AttributeValue? value)
        => new(Expression.Constant(value, typeof(AttributeValue)), static written => (AttributeValue?)written);

    private DynamoDbValueOperand(Expression written, Func<object?, AttributeValue?> write)
    {
        ValueExpression = _value = written;
        _write = write;
        _evaluator = new(() => Compile(written));
    }

    /// <summary>The value's expression, possibly behind a conversion.</summary>
    public Expression ValueExpression { get; }

    /// <summary>The value of one execution, as the query gives it.</summary>
    public object? Evaluate(IReadOnlyDictionary<string, object?> parameters)
        => _value switch
        {
            ConstantExpression constant => constant.Value,
            QueryParameterExpression parameter => parameters[parameter.Name],
            _ => _evaluator.Value(parameters),
        };

    /// <summary>The attribute value to send for one execution; null when the value is null.</summary>
    public AttributeValue? ToAttributeValue(IReadOnlyDictionary<string, object?> parameters) => _write(Evaluate(parameters));

    /// <summary>
    /// The expression as a value the provider can send, or null when it depends on the entity: a constant, a query
    /// parameter, or an expression over constants and parameters that EF Core left in the tree (<c>new SkuId("42")</c>,
    /// <c>DateTime.UtcNow</c>), which is evaluated again on every execution.
    /// </summary>
    public static Expression? AsValue(Expression expression)
        => Unwrap(expression) is ConstantExpression or QueryParameterExpression || ClientValueDetector.IsClientValue(expression)
            ? expression
            : null;

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

    public override string ToString() => _value is ConstantExpression c ? c.Value?.ToString() ?? "null" : ValueExpression.ToString();

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
