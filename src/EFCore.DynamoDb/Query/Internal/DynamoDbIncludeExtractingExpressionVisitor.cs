using System.Linq.Expressions;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Takes <c>Include</c>, <c>ThenInclude</c> and string includes of navigations between entity types out of a LINQ tree,
/// before EF Core's navigation expansion would turn them into joins, and records them as the navigations to load
/// after the main read. A navigation used anywhere else (a filter, ordering or projection through it) would need a
/// join: it is refused here, naming the navigation.
/// </summary>
internal sealed class DynamoDbIncludeExtractingExpressionVisitor(DynamoDbQueryCompilationContext queryCompilationContext)
    : ExpressionVisitor
{
    private static readonly HashSet<string> FilterOperators =
    [
        nameof(Enumerable.Where), nameof(Enumerable.OrderBy), nameof(Enumerable.OrderByDescending), nameof(Enumerable.ThenBy),
        nameof(Enumerable.ThenByDescending), nameof(Enumerable.Skip), nameof(Enumerable.Take),
    ];

    private IModel Model => queryCompilationContext.Model;

    private bool _ignoreAutoIncludes;

    /// <summary>The query without its includes, which are recorded on the query compilation context.</summary>
    public Expression Process(Expression query)
    {
        _ignoreAutoIncludes = DynamoDbExpressionSearch.Any(
            query, e => e is MethodCallExpression { Method.IsGenericMethod: true } call && call.Method.GetGenericMethodDefinition() == IgnoreAutoIncludesMethod);
        return Visit(query);
    }

    protected override Expression VisitExtension(Expression node)
    {
        // Navigations configured with AutoInclude() are loaded like includes; EF Core must not expand them into joins.
        if (node is EntityQueryRootExpression root && !_ignoreAutoIncludes
            && AddAutoIncludes(queryCompilationContext.Includes, root.EntityType, []))
        {
            return Expression.Call(IgnoreAutoIncludesMethod.MakeGenericMethod(root.ElementType), root);
        }

        return base.VisitExtension(node);
    }

    private static readonly System.Reflection.MethodInfo IgnoreAutoIncludesMethod
        = typeof(EntityFrameworkQueryableExtensions).GetMethod(nameof(EntityFrameworkQueryableExtensions.IgnoreAutoIncludes))!;

    /// <summary>Adds the auto-included navigations of a type (and of those they lead to); false when it has none.</summary>
    private static bool AddAutoIncludes(List<DynamoDbIncludeNode> nodes, IEntityType entityType, HashSet<INavigationBase> path)
    {
        var added = false;
        foreach (var navigation in entityType.GetDerivedTypesInclusive()
            .SelectMany(t => t.GetDeclaredNavigations().Cast<INavigationBase>().Concat(t.GetDeclaredSkipNavigations()))
            .Where(n => n.IsEagerLoaded && n is not INavigation { ForeignKey.IsOwnership: true } && !path.Contains(n) && (n.Inverse == null || !path.Contains(n.Inverse))))
        {
            var node = DynamoDbIncludeNode.GetOrAdd(nodes, navigation);
            AddAutoIncludes(node.Children, navigation.TargetEntityType, [.. path, navigation]);
            added = true;
        }

        return added;
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (IsInclude(node))
        {
            return Extract(node).Source;
        }

        if (node.Method.DeclaringType == typeof(EntityFrameworkQueryableExtensions) && node.Method.Name == "NotQuiteInclude")
        {
            // EF Core's explicit loading of a many-to-many navigation adds it for the inverse navigation, which the
            // tracked join entities fix up anyway.
            return Visit(node.Arguments[0]);
        }

        if (TrySelectNavigation(node) is { } source)
        {
            return source;
        }

        if (node.Object == null && node.Arguments.Count > 0 && node.Arguments[0].Type.IsAssignableTo(typeof(IQueryable)))
        {
            var inner = Visit(node.Arguments[0]);
            if (ElementType(inner.Type) != ElementType(node.Arguments[0].Type))
            {
                // The source now returns a navigation's related items: only options that leave them as they are may follow.
                if (node.Method.DeclaringType != typeof(EntityFrameworkQueryableExtensions) || node.Arguments.Count != 1)
                {
                    throw new InvalidOperationException(DynamoDbStrings.OperatorAfterSelectMany(node.Method.Name, queryCompilationContext.QueryText));
                }

                return Expression.Call(node.Method.GetGenericMethodDefinition().MakeGenericMethod(ElementType(inner.Type)), inner);
            }

            return node.Update(null, node.Arguments.Skip(1).Select(Visit).Prepend(inner)!);
        }

        if (node.TryGetEFPropertyArguments(out var instance, out var name) && FindRelationshipNavigation(instance!.Type, name!) is { } navigation)
        {
            throw NavigationRefused(navigation);
        }

        return base.VisitMethodCall(node);
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        // x.Blog.Id is x.BlogId: the principal's key is the dependent's foreign key, no join needed.
        if (node.Expression is { } instance && ForeignKeyOf(instance) is var (owner, foreignKey)
            && foreignKey.PrincipalKey.Properties[0].Name == node.Member.Name)
        {
            return Expression.Convert(ForeignKeyRead(owner, foreignKey), node.Type);
        }

        if (node.Expression != null && FindRelationshipNavigation(node.Expression.Type, node.Member.Name) is { } navigation)
        {
            throw NavigationRefused(navigation);
        }

        return base.VisitMember(node);
    }

    protected override Expression VisitBinary(BinaryExpression node)
    {
        // x.Blog == null is x.BlogId == null.
        if (node.NodeType is ExpressionType.Equal or ExpressionType.NotEqual
            && (ForeignKeyOf(node.Left) ?? ForeignKeyOf(node.Right)) is var (owner, foreignKey)
            && (IsNull(node.Left) || IsNull(node.Right)))
        {
            var read = ForeignKeyRead(owner, foreignKey);
            var type = read.Type.IsValueType && Nullable.GetUnderlyingType(read.Type) == null ? typeof(Nullable<>).MakeGenericType(read.Type) : read.Type;
            return Expression.MakeBinary(node.NodeType, Expression.Convert(read, type), Expression.Constant(null, type));
        }

        return base.VisitBinary(node);
    }

    private static bool IsNull(Expression expression) => DynamoDbAttributeBinder.RemoveConvert(expression) is ConstantExpression { Value: null };

    /// <summary>
    /// For a reference navigation of a dependent with a single-property foreign key (<c>x.Blog</c>): the dependent's
    /// expression and the foreign key.
    /// </summary>
    private (Expression Owner, IForeignKey ForeignKey)? ForeignKeyOf(Expression expression)
        => DynamoDbAttributeBinder.RemoveConvert(expression) is MemberExpression { Expression: { } owner } member
            && FindRelationshipNavigation(owner.Type, member.Member.Name) is INavigation { IsOnDependent: true, ForeignKey: { Properties.Count: 1 } foreignKey }
                ? (owner, foreignKey)
                : null;

    private Expression ForeignKeyRead(Expression owner, IForeignKey foreignKey)
    {
        var property = foreignKey.Properties[0];
        return Expression.Call(
            typeof(EF).GetMethod(nameof(EF.Property))!.MakeGenericMethod(property.ClrType), Visit(owner), Expression.Constant(property.Name));
    }

    /// <summary>
    /// <c>source.SelectMany(e => e.Navigation)</c> as the query's last operator (what explicit loading of a many-to-many
    /// navigation sends): the source, with the navigation loaded like an include and returned instead of the source.
    /// </summary>
    private Expression? TrySelectNavigation(MethodCallExpression node)
    {
        if (node.Method.DeclaringType != typeof(Queryable) || node.Method.Name != nameof(Queryable.SelectMany) || node.Arguments.Count != 2
            || Unquote(node.Arguments[1]) is not { } selector
            || Model.FindEntityType(selector.Parameters[0].Type) is not { } entityType)
        {
            return null;
        }

        var body = DynamoDbAttributeBinder.RemoveConvert(selector.Body);
        var name = body switch
        {
            MemberExpression { Expression: { } instance } member when DynamoDbAttributeBinder.RemoveConvert(instance) == selector.Parameters[0] => member.Member.Name,
            MethodCallExpression call when call.TryGetEFPropertyArguments(out var instance, out var propertyName) && DynamoDbAttributeBinder.RemoveConvert(instance!) == selector.Parameters[0]
                => propertyName,
            _ => null,
        };
        if (name == null || FindRelationshipNavigation(entityType.ClrType, name) is not { IsCollection: true })
        {
            return null;
        }

        var source = Visit(node.Arguments[0]);
        queryCompilationContext.SelectedNavigation = AddPath(queryCompilationContext.Includes, entityType, [name], []);
        return source;
    }

    private InvalidOperationException NavigationRefused(INavigationBase navigation)
        => new(DynamoDbStrings.NavigationInQuery(
            navigation.DeclaringEntityType.DisplayName(), navigation.Name, navigation.TargetEntityType.DisplayName(), queryCompilationContext.QueryText));

    private static bool IsInclude(MethodCallExpression node)
        => node.Method.DeclaringType == typeof(EntityFrameworkQueryableExtensions)
            && node.Method.Name is nameof(EntityFrameworkQueryableExtensions.Include) or nameof(EntityFrameworkQueryableExtensions.ThenInclude);

    /// <summary>The query without the include, and the node the include ends on (for a following <c>ThenInclude</c>).</summary>
    private (Expression Source, DynamoDbIncludeNode? Last) Extract(MethodCallExpression call)
    {
        if (call.Method.Name == nameof(EntityFrameworkQueryableExtensions.ThenInclude))
        {
            var (source, previous) = Extract((MethodCallExpression)call.Arguments[0]);
            if (previous == null)
            {
                throw new InvalidOperationException(DynamoDbStrings.InvalidInclude(call.Arguments[1].Print()));
            }

            return (source, AddPath(previous.Children, previous.Navigation.TargetEntityType, Unquote(call.Arguments[1])!));
        }

        var query = Visit(call.Arguments[0]);
        var rootType = Model.FindEntityType(call.Method.GetGenericArguments()[0])
            ?? throw new InvalidOperationException(DynamoDbStrings.InvalidInclude(call.Print()));

        // After SelectMany(e => e.Navigation) the query returns the navigation's items: includes start from them.
        var roots = queryCompilationContext.SelectedNavigation?.Children ?? queryCompilationContext.Includes;
        if (call.Arguments[1] is ConstantExpression { Value: string path })
        {
            AddPath(roots, rootType, path.Split('.'), []);
            return (query, null);
        }

        return (query, AddPath(roots, rootType, Unquote(call.Arguments[1])!));
    }

    private DynamoDbIncludeNode? AddPath(List<DynamoDbIncludeNode> nodes, IEntityType entityType, LambdaExpression lambda)
    {
        var body = lambda.Body;
        var operators = new List<(string, Expression)>();
        while (body is MethodCallExpression { Object: null } call
            && (call.Method.DeclaringType == typeof(Enumerable) || call.Method.DeclaringType == typeof(Queryable))
            && (FilterOperators.Contains(call.Method.Name) || call.Method.Name == nameof(Queryable.AsQueryable)))
        {
            if (call.Method.Name != nameof(Queryable.AsQueryable))
            {
                operators.Insert(0, (call.Method.Name, (Expression?)Unquote(call.Arguments[1]) ?? call.Arguments[1]));
            }

            body = call.Arguments[0];
        }

        var members = new List<string>();
        for (body = DynamoDbAttributeBinder.RemoveConvert(body); body is MemberExpression { Expression: { } instance } member; body = DynamoDbAttributeBinder.RemoveConvert(instance))
        {
            members.Insert(0, member.Member.Name);
        }

        if (body != lambda.Parameters[0] || members.Count == 0)
        {
            throw new InvalidOperationException(DynamoDbStrings.InvalidInclude(lambda.Print()));
        }

        return AddPath(nodes, entityType, members, operators);
    }

    private static DynamoDbIncludeNode? AddPath(
        List<DynamoDbIncludeNode> nodes, IEntityType entityType, IReadOnlyList<string> members, List<(string, Expression)> operators)
    {
        DynamoDbIncludeNode? node = null;
        foreach (var name in members)
        {
            var navigation = entityType.GetDerivedTypesInclusive()
                .Select(t => (INavigationBase?)t.FindNavigation(name) ?? t.FindSkipNavigation(name))
                .FirstOrDefault(n => n != null)
                ?? throw new InvalidOperationException(DynamoDbStrings.IncludeNotNavigation(entityType.DisplayName(), name));
            if (navigation is INavigation { ForeignKey.IsOwnership: true })
            {
                // Owned entities are always read with their owner's item.
                return null;
            }

            node = DynamoDbIncludeNode.GetOrAdd(nodes, navigation);
            nodes = node.Children;
            entityType = navigation.TargetEntityType;
        }

        if (operators.Count > 0)
        {
            if (node!.Operators.Count > 0)
            {
                throw new InvalidOperationException(DynamoDbStrings.IncludeFilteredTwice(node.Navigation.DeclaringEntityType.DisplayName(), node.Navigation.Name));
            }

            node.Operators.AddRange(operators);
        }

        return node;
    }

    /// <summary>A navigation between entity types (not to owned entities) of the entity type of <paramref name="type"/>, if any.</summary>
    private INavigationBase? FindRelationshipNavigation(Type type, string name)
        => Model.FindEntityType(type) is { } entityType
            && ((INavigationBase?)entityType.FindNavigation(name) ?? entityType.FindSkipNavigation(name)) is { } navigation
            && navigation is not INavigation { ForeignKey.IsOwnership: true }
                ? navigation
                : null;

    private static Type ElementType(Type queryableType)
        => queryableType.GetInterfaces().Append(queryableType)
            .First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQueryable<>))
            .GetGenericArguments()[0];

    private static LambdaExpression? Unquote(Expression expression)
        => (expression is UnaryExpression { NodeType: ExpressionType.Quote } quote ? quote.Operand : expression) as LambdaExpression;
}
