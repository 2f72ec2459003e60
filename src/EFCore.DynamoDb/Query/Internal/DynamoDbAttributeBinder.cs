using System.Linq.Expressions;
using EFCore.DynamoDb.Metadata;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Binds what a LINQ expression reads from the item: a member access, <c>EF.Property</c>, an owned or complex
/// navigation, a list element by index, a size, to the property and document path it reads. Translation to
/// conditions (<see cref="DynamoDbFilterTranslator"/>) works on what this binds, never on member chains itself.
/// </summary>
internal static class DynamoDbAttributeBinder
{
    /// <summary>The entity type an expression reads as a whole (the query's entity), if any.</summary>
    public static IEntityType? EntityOf(Expression expression)
        => RemoveConvert(expression) is StructuralTypeShaperExpression { StructuralType: IEntityType entityType } ? entityType : null;

    /// <summary>
    /// What an expression reads from the item, bound to its attribute operand: an element of a list, a member of an
    /// element of a collection, a size, or a property's attribute; null when it reads none of these.
    /// </summary>
    public static DynamoDbAttributeOperand? Bind(Expression expression)
        => DynamoDbConversions.HasLossyConversion(expression) ? null // (int)x.Price: DynamoDB cannot truncate an attribute
            : FindListElement(expression) is { } element ? DynamoDbAttributeOperand.Element(element.Property, element.Index, element.Codec)
            : FindElementMember(expression) is { } member ? DynamoDbAttributeOperand.ElementMember(member.Collection, member.Index, member.Property)
            : FindSizedProperty(expression) is { } sized ? DynamoDbAttributeOperand.SizeOf(sized)
            : FindProperty(expression) is { } property ? DynamoDbAttributeOperand.Of(property)
            : null;

    /// <summary>The property an expression reads whole, unless a cast that changes values stands around it (<c>(int)x.Price</c>).</summary>
    public static IProperty? BindProperty(Expression expression)
        => DynamoDbConversions.HasLossyConversion(expression) ? null : FindProperty(expression);

    /// <summary>An element of a list property read by a constant index (<c>x.Tags[0]</c>, <c>x.Scores[1]</c>), if any.</summary>
    private static (IProperty Property, int Index, DynamoDbScalarCodec Codec)? FindListElement(Expression expression)
    {
        var (list, position) = FindElementAccess(expression);
        return list != null
            && FindProperty(list) is { } property
            && ((DynamoDbTypeMapping)property.GetTypeMapping()).Codec.AttributeType == DynamoDbAttributeType.List
            && DynamoDbCollectionCodecs.FindElementCodec(property.ClrType) is { } codec
                ? (property, position, codec)
                : null;
    }

    /// <summary>An element read by a constant index: <c>list[i]</c>, <c>array[i]</c> or <c>ElementAt(i)</c>.</summary>
    private static (Expression? Source, int Index) FindElementAccess(Expression expression)
    {
        var (source, index) = RemoveConvert(expression) switch
        {
            BinaryExpression { NodeType: ExpressionType.ArrayIndex } array => (array.Left, array.Right),
            MethodCallExpression { Method.Name: "get_Item", Object: { } instance, Arguments: [var argument] } => (instance, argument),
            MethodCallExpression { Method.Name: nameof(Enumerable.ElementAt), Object: null, Arguments: [var list, var argument] } call
                when call.Method.DeclaringType == typeof(Enumerable) || call.Method.DeclaringType == typeof(Queryable) => (list, argument),
            _ => (null, null),
        };
        return index is ConstantExpression { Value: int position } && position >= 0 ? (source, position) : (null, 0);
    }

    /// <summary>
    /// A member of an element of a complex or owned collection read by a constant index (<c>x.Lines[0].Sku</c>,
    /// <c>x.Lines[1].Discount.Code</c>), if any.
    /// </summary>
    private static (IPropertyBase Collection, int Index, IProperty Property)? FindElementMember(Expression expression)
    {
        var members = new Stack<string>();
        var (source, index) = FindElementAccess(expression);
        if (source != null && UnwrapSelect(source) is ({ } collectionExpression, { } selector))
        {
            // EF Core's navigation expansion turns x.Lines[0].Sku into x.Lines.AsQueryable().Select(l => l.Sku).ElementAt(0).
            source = collectionExpression;
            expression = selector.Body;
            PushMembers(ref expression, members);
            if (expression != selector.Parameters[0])
            {
                return null;
            }
        }
        else
        {
            expression = RemoveConvert(expression);
            PushMembers(ref expression, members);
            (source, index) = FindElementAccess(expression);
        }

        if (members.Count == 0 || source == null)
        {
            return null;
        }

        var (collection, type) = FindComplexCollection(source) is { } complexCollection ? (complexCollection, complexCollection.ComplexType)
            : FindOwnedNavigation(source) is { IsCollection: true } ownedCollection ? ((IPropertyBase)ownedCollection, (ITypeBase)ownedCollection.TargetEntityType)
            : (null, null);
        while (type != null && members.Count > 1)
        {
            var name = members.Pop();
            type = type.FindComplexProperty(name) is { IsCollection: false } complexProperty ? complexProperty.ComplexType
                : type is IEntityType entityType && entityType.FindNavigation(name) is { IsCollection: false } owned && DynamoDbOwnedKeys.IsOwnedNavigation(owned)
                    ? owned.TargetEntityType
                : null;
        }

        return type?.FindProperty(members.Pop()) is { } property ? (collection!, index, property) : null;
    }

    /// <summary>
    /// Moves down a chain of member accesses (<c>a.B.C</c>, or <c>EF.Property(a, "B")</c>), the member nearest to
    /// <c>a</c> ending on top of the stack.
    /// </summary>
    private static void PushMembers(ref Expression expression, Stack<string> members)
    {
        expression = RemoveConvert(expression);
        while (true)
        {
            switch (expression)
            {
                case MemberExpression { Expression: { } instance } member:
                    members.Push(member.Member.Name);
                    expression = RemoveConvert(instance);
                    break;
                case MethodCallExpression call when call.TryGetEFPropertyArguments(out var instance, out var name):
                    members.Push(name!);
                    expression = RemoveConvert(instance!);
                    break;
                default:
                    return;
            }
        }
    }

    /// <summary><c>source.AsQueryable().Select(selector)</c>: the source and the selector, if the expression is one.</summary>
    private static (Expression? Source, LambdaExpression? Selector) UnwrapSelect(Expression expression)
        => RemoveConvert(expression) is MethodCallExpression { Method.Name: nameof(Queryable.Select), Arguments: [var source, var quoted] } select
            && select.Method.DeclaringType == typeof(Queryable)
            && (quoted is UnaryExpression { NodeType: ExpressionType.Quote } quote ? quote.Operand : quoted) is LambdaExpression { Parameters.Count: 1 } selector
                ? (UnwrapAsQueryable(source), selector)
                : (null, null);

    public static Expression UnwrapAsQueryable(Expression expression)
        => RemoveConvert(expression) is MethodCallExpression { Method.Name: nameof(Queryable.AsQueryable), Arguments: [var source] } call
            && call.Method.DeclaringType == typeof(Queryable)
                ? source
                : expression;

    /// <summary>The complex collection an expression reads (<c>x.Lines</c>, <c>x.Shipping.Stops</c>), if any.</summary>
    private static IComplexProperty? FindComplexCollection(Expression expression)
        => RemoveConvert(expression) is MemberExpression { Expression: { } instance } member
            && (RemoveConvert(instance) is StructuralTypeShaperExpression shaper ? shaper.StructuralType : FindComplexType(instance))
                ?.FindComplexProperty(member.Member.Name) is { IsCollection: true } collection
                ? collection
                : null;

    /// <summary>
    /// The property whose length or element count an expression reads (<c>x.Name.Length</c>, <c>x.Tags.Count</c>,
    /// <c>x.Lines.Count</c> for a complex collection), if any.
    /// </summary>
    private static IPropertyBase? FindSizedProperty(Expression expression)
    {
        var sized = RemoveConvert(expression) switch
        {
            MemberExpression { Member.Name: "Length" or "Count", Expression: { } instance } => instance,
            MethodCallExpression { Method.Name: nameof(Enumerable.Count), Object: null, Arguments: [var source] } call
                when call.Method.DeclaringType == typeof(Enumerable) || call.Method.DeclaringType == typeof(Queryable) => UnwrapAsQueryable(source),
            _ => null,
        };
        return sized == null ? null : FindSizeTarget(sized);
    }

    /// <summary>The string, binary, collection or complex collection an expression reads, whose size DynamoDB can test.</summary>
    public static IPropertyBase? FindSizeTarget(Expression sized)
        => FindComplexCollection(sized) is { } collection ? collection
            : FindOwnedNavigation(sized) is { IsCollection: true } ownedCollection ? ownedCollection
            : FindProperty(sized) is { } property
                && (property.ClrType == typeof(string) || DynamoDbCollectionCodecs.Find(property.ClrType) != null || property.ClrType == typeof(byte[]))
                ? property
                : null;

    /// <summary>The mapped property an expression reads (<c>x.Name</c> or <c>EF.Property(x, "Name")</c>), if any.</summary>
    public static IProperty? FindProperty(Expression expression)
    {
        expression = RemoveConvert(expression);

        // x.Visits.Value reads x.Visits.
        if (expression is MemberExpression { Member.Name: nameof(Nullable<int>.Value), Expression: { } nullable }
            && Nullable.GetUnderlyingType(nullable.Type) != null)
        {
            expression = RemoveConvert(nullable);
        }

        return expression switch
        {
            DynamoDbAttributeReadExpression read => read.Property,
            MemberExpression { Expression: { } instance } member when RemoveConvert(instance) is StructuralTypeShaperExpression shaper
                => ((IEntityType)shaper.StructuralType).FindProperty(member.Member.Name),
            MemberExpression { Expression: { } instance } member when FindComplexType(instance) is { } complexType
                => complexType.FindProperty(member.Member.Name),
            MethodCallExpression call when call.TryGetEFPropertyArguments(out var instance, out var name)
                && RemoveConvert(instance!) is StructuralTypeShaperExpression propertyOwner
                => ((IEntityType)propertyOwner.StructuralType).FindProperty(name!),
            // x["Colour"]: an indexer property of the entity.
            MethodCallExpression { Method.Name: "get_Item", Object: { } indexed, Arguments: [ConstantExpression { Value: string indexerName }] }
                when RemoveConvert(indexed) is StructuralTypeShaperExpression indexedOwner
                => indexedOwner.StructuralType.FindProperty(indexerName) is { } indexer && indexer.IsIndexerProperty() ? indexer : null,
            MemberExpression { Expression: { } instance } member when FindOwnedReference(instance) is { } ownedType
                => ownedType.FindProperty(member.Member.Name),
            MethodCallExpression call when call.TryGetEFPropertyArguments(out var instance, out var name)
                && FindOwnedReference(instance!) is { } ownedType
                => ownedType.FindProperty(name!),
            _ => null,
        };
    }

    /// <summary>
    /// The owned entity type an expression reads through owned references (<c>x.Home</c>, <c>x.Home.Position</c>,
    /// which EF Core writes as <c>EF.Property(x, "Home")</c>), if any: its members have paths in the item.
    /// </summary>
    private static IEntityType? FindOwnedReference(Expression expression)
        => FindOwnedNavigation(expression) is { IsCollection: false } navigation ? navigation.TargetEntityType : null;

    /// <summary>
    /// The owned navigation an expression reads from the entity read from the item, directly or through owned
    /// references (<c>x.Home</c>, <c>x.Orders</c>, <c>x.Home.Position</c>), if any.
    /// </summary>
    public static INavigation? FindOwnedNavigation(Expression expression)
    {
        var (instance, name) = RemoveConvert(expression) switch
        {
            MemberExpression { Expression: { } owner } member => (owner, member.Member.Name),
            MethodCallExpression call when call.TryGetEFPropertyArguments(out var owner, out var propertyName) => (owner!, propertyName!),
            _ => (null, null),
        };
        if (instance == null)
        {
            return null;
        }

        var ownerType = RemoveConvert(instance) is StructuralTypeShaperExpression { StructuralType: IEntityType shaped } ? shaped : FindOwnedReference(instance);
        return ownerType?.FindNavigation(name!) is { } navigation && DynamoDbOwnedKeys.IsOwnedNavigation(navigation) ? navigation : null;
    }

    /// <summary>The complex type an expression reads (<c>x.Address</c>, <c>x.Address.Geo</c>), if any.</summary>
    private static IComplexType? FindComplexType(Expression expression)
        => RemoveConvert(expression) switch
        {
            MemberExpression { Expression: { } instance } member when RemoveConvert(instance) is StructuralTypeShaperExpression shaper
                => shaper.StructuralType.FindComplexProperty(member.Member.Name) is { IsCollection: false } complex ? complex.ComplexType : null,
            MemberExpression { Expression: { } instance } member when FindComplexType(instance) is { } outer
                => outer.FindComplexProperty(member.Member.Name) is { IsCollection: false } complex ? complex.ComplexType : null,
            _ => null,
        };

    /// <summary>The expression without the conversions (and <c>as</c> casts) around it.</summary>
    public static Expression RemoveConvert(Expression expression)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked or ExpressionType.TypeAs } convert)
        {
            expression = convert.Operand;
        }

        return expression;
    }
}
