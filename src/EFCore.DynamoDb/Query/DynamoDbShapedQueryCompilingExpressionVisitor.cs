using System.Linq.Expressions;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Query.Internal;
using EFCore.DynamoDb.Update;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query;

/// <summary>
/// Turns a translated query into executable code: chooses the read plan once, compiles the materializer over
/// DynamoDB items once, and returns a <see cref="DynamoDbQueryingEnumerable{T}"/> that runs them per execution.
/// </summary>
internal sealed class DynamoDbShapedQueryCompilingExpressionVisitor(
    ShapedQueryCompilingExpressionVisitorDependencies dependencies,
    DynamoDbQueryCompilationContext queryCompilationContext)
    : ShapedQueryCompilingExpressionVisitor(dependencies, queryCompilationContext)
{
    protected override Expression VisitExtension(Expression extensionExpression)
    {
        if (extensionExpression is not DynamoDbNonQueryExpression nonQuery)
        {
            return base.VisitExtension(extensionExpression);
        }

        // The items are read for their keys only.
        nonQuery.Query.ApplyProjection(nonQuery.Query.EntityType.FindPrimaryKey()!.Properties);
        var plan = DynamoDbReadPlanner.Plan(nonQuery.Query, queryCompilationContext, Dependencies.TypeMappingSource);
        var setters = Expression.Constant(nonQuery.Setters, typeof(IReadOnlyList<DynamoDbUpdateSetter>));
        return QueryCompilationContext.IsAsync
            ? Expression.Call(
                typeof(DynamoDbNonQueryExecutor).GetMethod(nameof(DynamoDbNonQueryExecutor.ExecuteAsync))!,
                QueryCompilationContext.QueryContextParameter,
                Expression.Constant(plan),
                setters,
                Expression.Property(QueryCompilationContext.QueryContextParameter, nameof(QueryContext.CancellationToken)))
            : Expression.Call(
                typeof(DynamoDbNonQueryExecutor).GetMethod(nameof(DynamoDbNonQueryExecutor.Execute))!,
                QueryCompilationContext.QueryContextParameter,
                Expression.Constant(plan),
                setters);
    }

    protected override Expression VisitShapedQuery(ShapedQueryExpression shapedQueryExpression)
    {
        var query = (DynamoDbQueryExpression)shapedQueryExpression.QueryExpression;
        var plan = DynamoDbReadPlanner.Plan(query, queryCompilationContext, Dependencies.TypeMappingSource);

        var queryContext = Expression.Convert(QueryCompilationContext.QueryContextParameter, typeof(DynamoDbQueryContext));
        if (plan.Aggregate != DynamoDbAggregate.None)
        {
            return CreateAggregate(plan, shapedQueryExpression.ShaperExpression.Type, queryContext);
        }

        var item = Expression.Parameter(typeof(Dictionary<string, AttributeValue>), "item");
        var ownedLoaders = new DynamoDbOwnedNavigationLoaderFactory(
            Dependencies.EntityMaterializerSource, QueryCompilationContext.QueryTrackingBehavior);
        var shaperBody = ownedLoaders.ReplaceIncludes(shapedQueryExpression.ShaperExpression);
        shaperBody = InjectStructuralTypeMaterializers(shaperBody);
        shaperBody = new DynamoDbItemReadingExpressionVisitor(item).Visit(shaperBody);
        shaperBody = ownedLoaders.CreateLoadCalls(shaperBody, QueryCompilationContext.QueryContextParameter, item);
        var shaper = Expression.Lambda(shaperBody, QueryCompilationContext.QueryContextParameter, item);

        var enumerableType = typeof(DynamoDbQueryingEnumerable<>).MakeGenericType(shaperBody.Type);
        return Expression.New(
            enumerableType.GetConstructors().Single(),
            queryContext,
            Expression.Constant(plan),
            Compiled(shaper),
            Expression.Constant(QueryCompilationContext.ContextType),
            Expression.Constant(QueryCompilationContext.QueryTrackingBehavior == QueryTrackingBehavior.NoTrackingWithIdentityResolution),
            Expression.Constant(Dependencies.CoreSingletonOptions.AreThreadSafetyChecksEnabled));
    }

    /// <summary>
    /// A lambda compiled once, with the query: left nested in the query's executor, it would become a new delegate
    /// (a costly <c>CreateDelegate</c>) on every execution.
    /// </summary>
    private static ConstantExpression Compiled(LambdaExpression lambda) => Expression.Constant(lambda.Compile(), lambda.Type);

    private Expression CreateAggregate(DynamoDbReadPlan plan, Type resultType, Expression queryContext)
    {
        var count = Expression.Parameter(typeof(long), "count");
        Expression result = plan.Aggregate switch
        {
            DynamoDbAggregate.Any => Expression.GreaterThan(count, Expression.Constant(0L)),
            DynamoDbAggregate.All => Expression.Equal(count, Expression.Constant(0L)),
            _ => Expression.ConvertChecked(count, resultType),
        };

        return Expression.New(
            typeof(DynamoDbAggregateEnumerable<>).MakeGenericType(resultType).GetConstructors().Single(),
            queryContext,
            Expression.Constant(plan),
            Compiled(Expression.Lambda(result, count)),
            Expression.Constant(QueryCompilationContext.ContextType));
    }
}
