using System.Linq.Expressions;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Builds the <see cref="DynamoDbIncludeLoader"/>s of a query's includes once, when the query is compiled: for each
/// navigation, the read of its related items (planned like any query: by key, on the table or an index whose
/// partition key is the foreign key, a filtered include's conditions, ordering and limit included) and the
/// materializer of the related entity type.
/// </summary>
internal sealed class DynamoDbIncludeLoaderFactory(
    DynamoDbQueryCompilationContext queryCompilationContext,
    ITypeMappingSource typeMappings,
    Func<IEntityType, Func<QueryContext, Dictionary<string, AttributeValue>, object>> createMaterializer)
{
    private readonly bool _tracking = queryCompilationContext.QueryTrackingBehavior != QueryTrackingBehavior.NoTracking;

    /// <summary>The loader of an include and of those under it; <paramref name="readWithOwners"/> for an item collection the main read returns.</summary>
    public DynamoDbIncludeLoader Create(DynamoDbIncludeNode node, bool readWithOwners = false)
    {
        var navigation = node.Navigation;
        var description = navigation.DeclaringEntityType.DisplayName() + "." + navigation.Name;
        // Including the inverse navigation again would read what is being loaded from: fix-up sets it already.
        var children = node.Children
            .Where(child => child.Navigation != navigation.Inverse || child.Children.Count > 0 || child.Operators.Count > 0)
            .Select(child => Create(child))
            .ToList();
        if (navigation is ISkipNavigation skip)
        {
            if (node.Operators.Count > 0)
            {
                throw new InvalidOperationException(DynamoDbStrings.FilteredIncludeOfSkipNavigation(description));
            }

            return new DynamoDbIncludeLoader(
                navigation,
                CreateReader(description, skip.ForeignKey, fromPrincipal: true, []),
                CreateReader(description, skip.Inverse.ForeignKey, fromPrincipal: false, []),
                createMaterializer(skip.TargetEntityType),
                _tracking ? createMaterializer(skip.JoinEntityType) : null,
                _tracking,
                children);
        }

        var relationship = (INavigation)navigation;
        return new DynamoDbIncludeLoader(
            navigation,
            CreateReader(description, relationship.ForeignKey, fromPrincipal: !relationship.IsOnDependent, node.Operators),
            null,
            createMaterializer(relationship.TargetEntityType),
            null,
            _tracking,
            children,
            readWithOwners);
    }

    private DynamoDbRelatedItemReader CreateReader(
        string description, IForeignKey foreignKey, bool fromPrincipal, List<(string Method, Expression Argument)> operators)
    {
        operators = [.. QueryFilters(fromPrincipal ? foreignKey.DeclaringEntityType : foreignKey.PrincipalEntityType, description), .. operators];
        return DynamoDbRelatedItemReader.Create(
            foreignKey,
            fromPrincipal,
            description,
            new DynamoDbReadOptions(queryCompilationContext.QueryText)
            {
                AllowScan = queryCompilationContext.AllowScan,
                ConsistentRead = queryCompilationContext.ConsistentRead,
            },
            typeMappings,
            operators.Count == 0 ? null : query => ApplyOperators(query, operators, description),
            limited: operators.Any(o => o.Method != nameof(Queryable.Where)));
    }

    /// <summary>
    /// The global query filters of the related entity type, as <c>Where</c> operators: included entities are filtered
    /// as the type's own queries are, unless the query ignores them. A filter that reads the context's members would
    /// need the current context's values, which a follow-up read does not bind: it is refused.
    /// </summary>
    private IEnumerable<(string Method, Expression Argument)> QueryFilters(IEntityType entityType, string description)
    {
        if (queryCompilationContext.IgnoreQueryFilters)
        {
            yield break;
        }

        foreach (var filter in entityType.GetRootType().GetDeclaredQueryFilters())
        {
            if (filter.Expression is not { } lambda
                || (!filter.IsAnonymous && queryCompilationContext.IgnoredQueryFilters?.Contains(filter.Key!) == true))
            {
                continue;
            }

            if (DynamoDbExpressionSearch.Any(lambda, e => typeof(DbContext).IsAssignableFrom(e.Type)))
            {
                throw new InvalidOperationException(DynamoDbStrings.IncludeQueryFilterWithContext(description, entityType.GetRootType().DisplayName()));
            }

            yield return (nameof(Queryable.Where), lambda);
        }
    }

    /// <summary>Applies a filtered include's operators to the query of the related entity type's items.</summary>
    private static void ApplyOperators(DynamoDbQueryExpression query, List<(string Method, Expression Argument)> operators, string description)
    {
        var entityType = query.EntityType;
        var entity = new StructuralTypeShaperExpression(
            entityType, new ProjectionBindingExpression(query, new ProjectionMember(), typeof(ValueBuffer)), nullable: false);
        var translator = new DynamoDbFilterTranslator();
        foreach (var (method, argument) in operators)
        {
            var body = argument is LambdaExpression lambda ? ReplacingExpressionVisitor.Replace(lambda.Parameters[0], entity, lambda.Body) : null;
            switch (method)
            {
                case nameof(Queryable.Where) when query.Paging.Count == 0:
                    query.ApplyPredicate(translator.Translate(body!)
                        ?? throw new InvalidOperationException(DynamoDbStrings.FilteredIncludeNotTranslated(description, translator.TranslationErrorDetails!)));
                    break;
                case nameof(Queryable.OrderBy) or nameof(Queryable.OrderByDescending)
                    when DynamoDbAttributeBinder.FindProperty(body!) is { } property
                        && DynamoDbQueryableMethodTranslatingExpressionVisitor.SortKeys(entityType).Contains(property):
                    query.ApplyOrdering(property, method == nameof(Queryable.OrderBy));
                    break;
                case nameof(Queryable.Take):
                    query.ApplyTake(argument);
                    break;
                default:
                    throw new InvalidOperationException(DynamoDbStrings.FilteredIncludeNotTranslated(
                        description, DynamoDbStrings.FilteredIncludeOperator(method, argument.Print())));
            }
        }
    }
}
