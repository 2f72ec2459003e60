using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// A value the client knows for each execution of a query: a constant of the query, one of its parameters, or an
/// expression over constants and parameters that EF Core left in the tree (<c>new SkuId("42")</c>,
/// <c>DateTime.UtcNow.AddDays(-days)</c>), compiled once and evaluated again on every execution.
/// </summary>
internal sealed class DynamoDbClientValue
{
    private static readonly ParameterExpression ParametersParameter
        = Expression.Parameter(typeof(IReadOnlyDictionary<string, object?>), "parameters");

    private static readonly MethodInfo ParameterValueMethod
        = typeof(DynamoDbClientValue).GetMethod(nameof(ParameterValue), BindingFlags.Static | BindingFlags.NonPublic)!;

    private readonly Lazy<Func<IReadOnlyDictionary<string, object?>, object?>> _evaluator;

    /// <param name="expression">A constant, a query parameter or an expression over them (see <see cref="AsValue"/>).</param>
    public DynamoDbClientValue(Expression expression)
    {
        Expression = expression;
        _evaluator = new(() => Compile(expression));
    }

    public Expression Expression { get; }

    /// <summary>Whether the value is fixed by the query itself, not by an execution's parameters.</summary>
    public bool IsConstant => Expression is ConstantExpression;

    /// <summary>The value of one execution.</summary>
    public object? Evaluate(IReadOnlyDictionary<string, object?> parameters)
        => Expression switch
        {
            ConstantExpression constant => constant.Value,
            QueryParameterExpression parameter => parameters[parameter.Name],
            _ => _evaluator.Value(parameters),
        };

    /// <summary>
    /// The expression as a value the client can compute, or null when it depends on the entity: a constant, a query
    /// parameter, or an expression over constants and parameters.
    /// </summary>
    public static Expression? AsValue(Expression expression)
        => DynamoDbConversions.WithoutLosslessConversions(expression) is ConstantExpression or QueryParameterExpression || ClientValueDetector.IsClientValue(expression)
            ? expression
            : null;

    public override string ToString() => Expression is ConstantExpression c ? c.Value?.ToString() ?? "null" : Expression.ToString();

    private static Func<IReadOnlyDictionary<string, object?>, object?> Compile(Expression expression)
    {
        var body = new ParameterReplacingVisitor().Visit(expression);
        return Expression.Lambda<Func<IReadOnlyDictionary<string, object?>, object?>>(
            Expression.Convert(body, typeof(object)), ParametersParameter).Compile();
    }

    private static T ParameterValue<T>(IReadOnlyDictionary<string, object?> parameters, string name) => (T)parameters[name]!;

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
