using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Binds a <c>Select</c> body to the item: each property it reads becomes a <see cref="DynamoDbAttributeReadExpression"/>
/// and is recorded, so the request reads only those attributes (<c>ProjectionExpression</c>). When the body keeps the
/// whole entity, every attribute is read. The rest of the body runs on the client over the values read.
/// </summary>
internal sealed class DynamoDbProjectionBindingExpressionVisitor : ExpressionVisitor
{
    private readonly List<IProperty> _properties = [];

    /// <summary>The properties the projection reads, or null when it needs whole items.</summary>
    public IReadOnlyList<IProperty>? Properties { get; private set; }

    public Expression Bind(Expression body)
    {
        _properties.Clear();
        ProjectsEntity = false;
        var bound = Visit(body);
        Properties = ProjectsEntity ? null : _properties.Distinct().ToList();
        return bound;
    }

    private bool ProjectsEntity { get; set; }

    protected override Expression VisitMember(MemberExpression node)
        => DynamoDbAttributeBinder.FindProperty(node) is { } property ? Read(property, node.Type)
            : DynamoDbAttributeBinder.FindOwnedNavigation(node) is { } navigation ? ReadOwned(navigation, node.Type)
            : base.VisitMember(node);

    protected override Expression VisitMethodCall(MethodCallExpression node)
        => DynamoDbAttributeBinder.FindProperty(node) is { } property ? Read(property, node.Type)
            : DynamoDbAttributeBinder.FindOwnedNavigation(node) is { } navigation ? ReadOwned(navigation, node.Type)
            : base.VisitMethodCall(node);

    /// <summary>An owned entity or collection projected on its own: read from the whole item.</summary>
    private DynamoDbOwnedNavigationReadExpression ReadOwned(INavigation navigation, Type type)
    {
        ProjectsEntity = true;
        return new DynamoDbOwnedNavigationReadExpression(navigation, type);
    }

    protected override Expression VisitExtension(Expression node)
    {
        switch (node)
        {
            case StructuralTypeShaperExpression or DynamoDbOwnedNavigationReadExpression:
                ProjectsEntity = true;
                return node;
            case MaterializeCollectionNavigationExpression { Navigation: INavigation { ForeignKey.IsOwnership: true } navigation } collection:
                return ReadOwned(navigation, collection.Type);
            case DynamoDbAttributeReadExpression read:
                _properties.Add(read.Property);
                return node;
            default:
                return base.VisitExtension(node);
        }
    }

    private DynamoDbAttributeReadExpression Read(IProperty property, Type type)
    {
        _properties.Add(property);
        return new DynamoDbAttributeReadExpression(property, type);
    }
}
