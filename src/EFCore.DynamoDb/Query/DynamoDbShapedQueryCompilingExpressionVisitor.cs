using System.Linq.Expressions;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Metadata;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal;
using EFCore.DynamoDb.Update;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

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
        var plan = DynamoDbReadPlanner.Plan(nonQuery.Query, queryCompilationContext.ReadOptions, Dependencies.TypeMappingSource);
        var setters = Expression.Constant(nonQuery.Setters, typeof(IReadOnlyList<DynamoDbUpdateSetter>));
        var threadSafetyChecks = Expression.Constant(Dependencies.CoreSingletonOptions.AreThreadSafetyChecksEnabled);
        return QueryCompilationContext.IsAsync
            ? Expression.Call(
                typeof(DynamoDbNonQueryExecutor).GetMethod(nameof(DynamoDbNonQueryExecutor.ExecuteAsync))!,
                QueryCompilationContext.QueryContextParameter,
                Expression.Constant(plan),
                setters,
                threadSafetyChecks,
                Expression.Property(QueryCompilationContext.QueryContextParameter, nameof(QueryContext.CancellationToken)))
            : Expression.Call(
                typeof(DynamoDbNonQueryExecutor).GetMethod(nameof(DynamoDbNonQueryExecutor.Execute))!,
                QueryCompilationContext.QueryContextParameter,
                Expression.Constant(plan),
                setters,
                threadSafetyChecks);
    }

    protected override Expression VisitShapedQuery(ShapedQueryExpression shapedQueryExpression)
    {
        var query = (DynamoDbQueryExpression)shapedQueryExpression.QueryExpression;
        var plan = DynamoDbReadPlanner.Plan(query, queryCompilationContext.ReadOptions, Dependencies.TypeMappingSource);

        var queryContext = Expression.Convert(QueryCompilationContext.QueryContextParameter, typeof(DynamoDbQueryContext));
        if (plan.Aggregate != DynamoDbAggregate.None)
        {
            return CreateAggregate(plan, shapedQueryExpression.ShaperExpression.Type, queryContext);
        }

        var item = Expression.Parameter(typeof(Dictionary<string, AttributeValue>), "item");
        if (query.ClientAggregate is { } method)
        {
            var values = CreateQueryingEnumerable(queryContext, plan, CreateShaperBody(query.ClientAggregateShaper!, item), item);
            return Expression.New(
                typeof(DynamoDbValueAggregateEnumerable<,>)
                    .MakeGenericType(query.ClientAggregateShaper!.Type, shapedQueryExpression.ShaperExpression.Type)
                    .GetConstructors().Single(),
                queryContext,
                values,
                Expression.Constant(method),
                Expression.Constant(string.Join(", ", plan.Projection!.Select(p => string.Join(".", p.GetAttributePath())))));
        }

        var shaperBody = CreateShaperBody(shapedQueryExpression.ShaperExpression, item);
        if (queryCompilationContext.Includes.Count > 0)
        {
            if (FindEntityType(shapedQueryExpression.ShaperExpression) is { } entityType)
            {
                return CreateIncludingEnumerable(queryContext, plan, shaperBody, item, entityType);
            }

            // EF Core loads includes of entities a projection returns; their items are read by follow-up requests of
            // the entity query only.
            if (DynamoDbExpressionSearch.Any(shapedQueryExpression.ShaperExpression, e => FindEntityType(e) is { } type && !type.IsOwned()))
            {
                throw new InvalidOperationException(DynamoDbStrings.IncludeWithProjection(queryCompilationContext.QueryText));
            }
        }

        return CreateQueryingEnumerable(queryContext, plan, shaperBody, item);
    }

    /// <summary>
    /// The results of a query with includes: its entities, then each include loaded for all of them. Includes of item
    /// collections the read returns whole widen it instead of reading again.
    /// </summary>
    private NewExpression CreateIncludingEnumerable(
        Expression queryContext, DynamoDbReadPlan plan, Expression shaperBody, ParameterExpression item, IEntityType entityType)
    {
        var includes = queryCompilationContext.Includes;
        var readWithOwners = includes.Where(i => DynamoDbItemCollections.CanReadWithOwners(plan, i)).ToList();
        var entity = Expression.Convert(shaperBody, typeof(object));
        Expression shaped = Expression.New(ShapedItemConstructor, entity, item);
        DynamoDbItemCollectionOwners? owners = null;
        if (readWithOwners.Count > 0)
        {
            // One read returns the owners and the items of their collections; the owners are materialized as they
            // are told apart, up to the query's limits.
            owners = new DynamoDbItemCollectionOwners(
                new DynamoDbItemTypeTest(entityType),
                Expression.Lambda<Func<QueryContext, Dictionary<string, AttributeValue>, object>>(entity, QueryCompilationContext.QueryContextParameter, item).Compile(),
                plan.Paging.Count > 0 ? plan : null);
            plan = DynamoDbItemCollections.Widen(plan, readWithOwners.Select(i => i.Navigation.TargetEntityType));
            shaped = Expression.New(ShapedItemConstructor, Expression.Constant(null), item);
        }

        var factory = new DynamoDbIncludeLoaderFactory(queryCompilationContext, Dependencies.TypeMappingSource, CreateMaterializer);
        var loaders = includes.Select(i => factory.Create(i, readWithOwners.Contains(i))).ToList();
        var selected = queryCompilationContext.SelectedNavigation;
        return Expression.New(
            typeof(DynamoDbIncludingEnumerable<>)
                .MakeGenericType(selected == null ? shaperBody.Type : selected.Navigation.TargetEntityType.ClrType)
                .GetConstructors().Single(),
            queryContext,
            CreateQueryingEnumerable(queryContext, plan, shaped, item),
            Expression.Constant(loaders, typeof(IReadOnlyList<DynamoDbIncludeLoader>)),
            Expression.Constant(selected == null ? null : loaders[includes.IndexOf(selected)], typeof(DynamoDbIncludeLoader)),
            Expression.Constant(owners, typeof(DynamoDbItemCollectionOwners)),
            Expression.Constant(QueryCompilationContext.ContextType),
            Expression.Constant(Dependencies.CoreSingletonOptions.AreThreadSafetyChecksEnabled));
    }

    private static readonly System.Reflection.ConstructorInfo ShapedItemConstructor
        = typeof(DynamoDbShapedItem).GetConstructors().Single();

    private NewExpression CreateQueryingEnumerable(Expression queryContext, DynamoDbReadPlan plan, Expression shaperBody, ParameterExpression item)
    {
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

    /// <summary>The shaper's code over one item: entities materialized from it, owned navigations loaded from it.</summary>
    private Expression CreateShaperBody(Expression shaperExpression, ParameterExpression item)
    {
        var ownedLoaders = new DynamoDbOwnedNavigationLoaderFactory(
            Dependencies.EntityMaterializerSource, QueryCompilationContext.QueryTrackingBehavior);
        var shaperBody = ownedLoaders.ReplaceIncludes(shaperExpression);
        shaperBody = InjectStructuralTypeMaterializers(shaperBody);
        shaperBody = new DynamoDbItemReadingExpressionVisitor(item).Visit(shaperBody);
        return ownedLoaders.CreateLoadCalls(shaperBody, QueryCompilationContext.QueryContextParameter, item);
    }

    /// <summary>
    /// The materializer of a related entity type (tracked as the query tracks), with its owned navigations: what an
    /// include loads is shaped like the query's own results.
    /// </summary>
    private Func<QueryContext, Dictionary<string, AttributeValue>, object> CreateMaterializer(IEntityType entityType)
    {
        Expression entity = new StructuralTypeShaperExpression(
            entityType,
            new ProjectionBindingExpression(new DynamoDbQueryExpression(entityType), new ProjectionMember(), typeof(ValueBuffer)),
            nullable: false);
        foreach (var navigation in entityType.GetDerivedTypesInclusive().SelectMany(t => t.GetDeclaredNavigations()).Where(DynamoDbOwnedKeys.IsOwnedNavigation))
        {
            entity = new IncludeExpression(entity, Expression.Default(navigation.ClrType), navigation);
        }

        var item = Expression.Parameter(typeof(Dictionary<string, AttributeValue>), "item");
        return Expression.Lambda<Func<QueryContext, Dictionary<string, AttributeValue>, object>>(
            Expression.Convert(CreateShaperBody(entity, item), typeof(object)), QueryCompilationContext.QueryContextParameter, item).Compile();
    }

    /// <summary>The entity type a query returns (which includes apply to), or null for a projection.</summary>
    private static IEntityType? FindEntityType(Expression shaper)
        => shaper switch
        {
            IncludeExpression include => FindEntityType(include.EntityExpression),
            StructuralTypeShaperExpression { StructuralType: IEntityType entityType } => entityType,
            _ => null,
        };

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
            Expression.Constant(QueryCompilationContext.ContextType),
            Expression.Constant(Dependencies.CoreSingletonOptions.AreThreadSafetyChecksEnabled));
    }
}
