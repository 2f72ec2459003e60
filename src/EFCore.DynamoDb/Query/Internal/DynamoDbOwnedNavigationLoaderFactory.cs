using System.Linq.Expressions;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Metadata;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Turns the includes of owned navigations that EF Core adds to every query of an owner into loads from the owner's
/// item (<see cref="DynamoDbOwnedNavigationLoader"/>), compiling each owned type's readers once per query.
/// </summary>
internal sealed class DynamoDbOwnedNavigationLoaderFactory(
    IStructuralTypeMaterializerSource materializerSource, QueryTrackingBehavior trackingBehavior)
{
    private static readonly System.Reflection.MethodInfo LoadMethod = typeof(DynamoDbOwnedNavigationLoader).GetMethod(nameof(DynamoDbOwnedNavigationLoader.Load))!;
    private static readonly System.Reflection.MethodInfo ReadMethod = typeof(DynamoDbOwnedNavigationLoader).GetMethod(nameof(DynamoDbOwnedNavigationLoader.Read))!;

    /// <summary>Replaces the includes of owned navigations of entities read from items with <see cref="DynamoDbOwnedIncludeExpression"/>s.</summary>
    public Expression ReplaceIncludes(Expression shaper) => new IncludeReplacer(this).Visit(shaper);

    /// <summary>
    /// Replaces each <see cref="DynamoDbOwnedIncludeExpression"/> with the load of its navigation from <paramref name="item"/>,
    /// and each <see cref="DynamoDbOwnedNavigationReadExpression"/> with the read of the owned entity or collection.
    /// </summary>
    public Expression CreateLoadCalls(Expression shaper, ParameterExpression queryContext, ParameterExpression item)
        => new LoadCallWriter(this, queryContext, item, trackingBehavior == QueryTrackingBehavior.TrackAll).Visit(shaper);

    private DynamoDbOwnedNavigationLoader Create(INavigation navigation)
    {
        var ownedType = navigation.TargetEntityType;
        var document = Expression.Parameter(typeof(Dictionary<string, AttributeValue>), "document");

        // Stored properties are read from the map into a value buffer; the owner's key and the position fill the rest.
        var properties = ownedType.GetFlattenedProperties().ToList();
        var slots = Enumerable.Repeat<Expression>(Expression.Constant(null), properties.Max(p => p.GetIndex()) + 1).ToArray();
        foreach (var property in properties.Where(p => !DynamoDbOwnedKeys.IsNotStored(p)))
        {
            slots[property.GetIndex()] = Expression.Convert(
                DynamoDbItemReadingExpressionVisitor.CreateReadExpression(document, property, property.ClrType), typeof(object));
        }

        var readValues = Expression.Lambda<Func<Dictionary<string, AttributeValue>, object?[]>>(
            Expression.NewArrayInit(typeof(object), slots), document).Compile();

        var context = Expression.Parameter(typeof(MaterializationContext), "context");
        var materializer = materializerSource.CreateMaterializeExpression(
            new StructuralTypeMaterializerSourceParameters(ownedType, "owned", ownedType.ClrType, IsNullable: false, trackingBehavior), context);
        materializer = new DynamoDbItemReadingExpressionVisitor(document, readScalarsFromItem: false).Visit(materializer);
        var materialize = Expression.Lambda<Func<MaterializationContext, Dictionary<string, AttributeValue>, object>>(
            Expression.Convert(materializer, typeof(object)), context, document).Compile();

        return new DynamoDbOwnedNavigationLoader(
            navigation,
            readValues,
            materialize,
            ownedType.GetNavigations().Where(DynamoDbOwnedKeys.IsOwnedNavigation).Select(Create).ToList());
    }

    private sealed class IncludeReplacer(DynamoDbOwnedNavigationLoaderFactory factory) : ExpressionVisitor
    {
        protected override Expression VisitExtension(Expression node)
        {
            if (node is not IncludeExpression { Navigation: INavigation navigation } include || !DynamoDbOwnedKeys.IsOwnedNavigation(navigation))
            {
                return base.VisitExtension(node);
            }

            // An owned entity projected on its own is read whole with its own owned navigations: its includes are not needed.
            var entity = Visit(include.EntityExpression);
            return IsReadFromItem(entity) ? new DynamoDbOwnedIncludeExpression(entity, factory.Create(navigation)) : entity;
        }

        private static bool IsReadFromItem(Expression entity)
            => entity switch
            {
                DynamoDbOwnedIncludeExpression owned => IsReadFromItem(owned.EntityExpression),
                UnaryExpression { NodeType: ExpressionType.Convert } convert => IsReadFromItem(convert.Operand),
                StructuralTypeShaperExpression { StructuralType: IEntityType entityType } => !entityType.IsOwned(),
                _ => false,
            };
    }

    private sealed class LoadCallWriter(
        DynamoDbOwnedNavigationLoaderFactory factory, ParameterExpression queryContext, ParameterExpression item, bool tracking) : ExpressionVisitor
    {
        protected override Expression VisitExtension(Expression node)
        {
            if (node is DynamoDbOwnedNavigationReadExpression read)
            {
                if (tracking)
                {
                    throw new InvalidOperationException(DynamoDbStrings.OwnedEntityProjectedWithTracking(read.Navigation.TargetEntityType.DisplayName()));
                }

                return Expression.Convert(
                    Expression.Call(Expression.Constant(factory.Create(read.Navigation)), ReadMethod, queryContext, ItemKey(read.Navigation), item),
                    read.Type);
            }

            if (node is not DynamoDbOwnedIncludeExpression include)
            {
                return base.VisitExtension(node);
            }

            var entity = Expression.Variable(include.Type, "owner");
            return Expression.Block(
                [entity],
                Expression.Assign(entity, Visit(include.EntityExpression)),
                Expression.IfThen(
                    Expression.NotEqual(Expression.Convert(entity, typeof(object)), Expression.Constant(null)),
                    Expression.Call(
                        Expression.Constant(include.Loader),
                        LoadMethod,
                        queryContext,
                        Expression.Convert(entity, typeof(object)),
                        ItemKey(include.Loader.Navigation),
                        item,
                        Expression.Constant(tracking))),
                entity);
        }

        /// <summary>
        /// The key of the entity stored in the item, read from the item: the owner key of an owned navigation reached
        /// from it through owned references (owned references share their owner's key).
        /// </summary>
        private NewArrayExpression ItemKey(INavigation navigation)
        {
            return Expression.NewArrayInit(
                typeof(object),
                DynamoDbOwnedKeys.ItemOwner(navigation.DeclaringEntityType).FindPrimaryKey()!.Properties.Select(
                    p => Expression.Convert(DynamoDbItemReadingExpressionVisitor.CreateReadExpression(item, p, p.ClrType), typeof(object))));
        }
    }
}
