using System.Linq.Expressions;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Metadata;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Translates a LINQ predicate over an entity into a <see cref="DynamoDbFilter"/>: comparisons of a property with
/// a constant or parameter, combined with AND, OR and NOT. Anything else is reported, never evaluated on the client.
/// </summary>
internal sealed class DynamoDbFilterTranslator
{
    /// <summary>Why the last translation failed.</summary>
    public string? TranslationErrorDetails { get; private set; }

    public DynamoDbFilter? Translate(Expression predicate)
    {
        TranslationErrorDetails = null;
        return TranslateNode(predicate);
    }

    private DynamoDbFilter? TranslateNode(Expression expression)
    {
        switch (expression)
        {
            case BinaryExpression { NodeType: ExpressionType.AndAlso or ExpressionType.OrElse } logical:
            {
                var left = TranslateNode(logical.Left);
                var right = left == null ? null : TranslateNode(logical.Right);
                return right == null ? null : Combine(logical.NodeType == ExpressionType.AndAlso, left!, right, logical);
            }

            case UnaryExpression { NodeType: ExpressionType.Not } not when not.Type == typeof(bool):
                return TranslateNode(not.Operand) switch
                {
                    DynamoDbBooleanFilter boolean => boolean.Negate(),
                    DynamoDbLogicalFilter logical when HoldsBoolean(logical) => FailBooleanVariable(not),
                    { } operand => new DynamoDbNotFilter(operand),
                    null => null,
                };

            case { } condition when condition.Type == typeof(bool)
                && DynamoDbValueOperand.AsValue(condition) is ConstantExpression or QueryParameterExpression:
                return new DynamoDbBooleanFilter(DynamoDbValueOperand.AsValue(condition)!);

            // x is Perishable: the discriminator holds the type's value or one of its derived types'.
            case TypeBinaryExpression { NodeType: ExpressionType.TypeIs } typeIs when EntityOf(typeIs.Expression) is { } checkedType:
                return TypeTest(checkedType, typeIs.TypeOperand, exact: false, typeIs);

            // x.GetType() == typeof(Perishable): the discriminator holds exactly the type's value.
            case BinaryExpression { NodeType: ExpressionType.Equal or ExpressionType.NotEqual } typeEquality
                when typeEquality.Left is MethodCallExpression { Method.Name: nameof(GetType), Object: { } instance, Arguments: [] }
                    && EntityOf(instance) is { } instanceType
                    && RemoveConvert(typeEquality.Right) is ConstantExpression { Value: Type exactType }:
            {
                var test = TypeTest(instanceType, exactType, exact: true, typeEquality);
                return test != null && typeEquality.NodeType == ExpressionType.NotEqual ? Negate(test) : test;
            }

            // x.Visits.HasValue is x.Visits != null.
            case MemberExpression { Member.Name: nameof(Nullable<int>.HasValue), Expression: { } nullable }
                when Nullable.GetUnderlyingType(nullable.Type) != null && FindProperty(nullable) is { } optional:
                return DynamoDbComparisonFilter.Of(optional, DynamoDbComparisonOperator.NotEqual, Expression.Constant(null, nullable.Type));

            // string.IsNullOrEmpty(x.Name): absent, NULL or "".
            case MethodCallExpression { Method.Name: nameof(string.IsNullOrEmpty), Object: null, Arguments: [var text] } call
                when call.Method.DeclaringType == typeof(string) && FindProperty(text) is { } textProperty:
                return new DynamoDbLogicalFilter(
                    false,
                    DynamoDbComparisonFilter.Of(textProperty, DynamoDbComparisonOperator.Equal, Expression.Constant(null, typeof(string))),
                    DynamoDbComparisonFilter.Of(textProperty, DynamoDbComparisonOperator.Equal, Expression.Constant("")));

            case BinaryExpression binary when ToOperator(binary.NodeType) is { } op
                && IsZero(binary.Right) && TryGetStringCompare(binary.Left, out var compareLeft, out var compareRight):
                return TranslateComparison(compareLeft, op, compareRight, expression);

            case BinaryExpression binary when ToOperator(binary.NodeType) is { } op:
                return TranslateComparison(binary.Left, op, binary.Right, expression);

            // Equals between values of different types is false, as in C# (never a widened match), as EF Core translates it.
            case MethodCallExpression { Method.Name: nameof(object.Equals), Object: { } instance, Arguments: [var argument] }:
                return OfDifferentTypes(instance, argument) ? DynamoDbBooleanFilter.False : TranslateComparison(instance, DynamoDbComparisonOperator.Equal, argument, expression);

            case MethodCallExpression { Method.Name: nameof(object.Equals), Object: null, Arguments: [var left, var right] }:
                return OfDifferentTypes(left, right) ? DynamoDbBooleanFilter.False : TranslateComparison(left, DynamoDbComparisonOperator.Equal, right, expression);

            case MethodCallExpression { Method.Name: nameof(string.StartsWith) or nameof(string.Contains), Object: { } instance, Arguments: [var argument] } call
                when call.Method.DeclaringType == typeof(string)
                    && FindProperty(instance) is { } property
                    && DynamoDbValueOperand.AsValue(argument) is { } value:
                return new DynamoDbFunctionFilter(
                    call.Method.Name == nameof(string.StartsWith) ? DynamoDbFunctionFilter.BeginsWith : DynamoDbFunctionFilter.Contains,
                    property,
                    DynamoDbValueOperand.Of(property, value));

            case MethodCallExpression call when TryGetCollectionContains(call, out var collection, out var element)
                && FindProperty(collection) is { } collectionProperty
                && DynamoDbCollectionCodecs.FindElementCodec(collectionProperty.ClrType) is { } elementCodec
                && DynamoDbValueOperand.AsValue(element) is { } elementValue:
                return new DynamoDbFunctionFilter(
                    DynamoDbFunctionFilter.Contains,
                    collectionProperty,
                    new DynamoDbValueOperand(elementValue, DynamoDbAttributeOperand.ElementsOf(collectionProperty, elementCodec)));

            case MethodCallExpression call when TryGetCollectionContains(call, out var values, out var item)
                && FindProperty(item) is { } property
                && DynamoDbValueOperand.AsValue(values) is { } valuesExpression
                && valuesExpression is ConstantExpression or QueryParameterExpression:
                return new DynamoDbInFilter(property, valuesExpression);

            case MethodCallExpression { Method.Name: nameof(Enumerable.Any), Object: null, Arguments: [var tuples, LambdaExpression match] } call
                when call.Method.DeclaringType == typeof(Enumerable)
                    && DynamoDbValueOperand.AsValue(tuples) is ConstantExpression or QueryParameterExpression
                    && TupleComponents(match) is { } components:
                return new DynamoDbTupleInFilter(components, DynamoDbValueOperand.AsValue(tuples)!);

            case MethodCallExpression { Method.Name: nameof(Enumerable.Any), Object: null, Arguments: [var source] } call
                when (call.Method.DeclaringType == typeof(Enumerable) || call.Method.DeclaringType == typeof(Queryable))
                    && FindSizeTarget(UnwrapAsQueryable(source)) is { } collection:
                // x.Lines.Any(), which EF Core also makes of x.Lines.Count > 0.
            {
                var size = DynamoDbAttributeOperand.SizeOf(collection);
                return new DynamoDbComparisonFilter(size, DynamoDbComparisonOperator.GreaterThan, new DynamoDbValueOperand(Expression.Constant(0), size));
            }

            default:
                // A boolean property on its own: x.IsActive means x.IsActive == true.
                if (expression.Type == typeof(bool) && FindProperty(expression) is { } flag)
                {
                    return DynamoDbComparisonFilter.Of(flag, DynamoDbComparisonOperator.Equal, Expression.Constant(true));
                }

                return Fail(expression);
        }
    }

    /// <summary>
    /// The components of <c>v =&gt; v.A == x.P &amp;&amp; v.B == x.Q</c>: each property of the item, with a compiled reader
    /// of the element member it must equal. Null when the lambda is anything else.
    /// </summary>
    private static List<(IProperty Property, Func<object, AttributeValue?> Member)>? TupleComponents(LambdaExpression match)
    {
        var element = match.Parameters[0];
        var components = new List<(IProperty, Func<object, AttributeValue?>)>();
        var pending = new Stack<Expression>([match.Body]);
        while (pending.TryPop(out var node))
        {
            var (left, right) = node switch
            {
                BinaryExpression { NodeType: ExpressionType.AndAlso } and => (and.Left, and.Right),
                BinaryExpression { NodeType: ExpressionType.Equal } equal => (equal.Left, equal.Right),
                MethodCallExpression { Method.Name: nameof(object.Equals), Object: { } instance, Arguments: [var argument] } => (instance, argument),
                _ => (null, null),
            };
            if (node is BinaryExpression { NodeType: ExpressionType.AndAlso })
            {
                pending.Push(right!);
                pending.Push(left!);
                continue;
            }

            var (property, member) = FindProperty(left ?? element) is { } p ? (p, right) : (FindProperty(right ?? element), left);
            if (property == null || member == null
                || !DynamoDbExpressionSearch.Any(member, n => n == element)
                || DynamoDbExpressionSearch.Any(member, n => n is StructuralTypeShaperExpression))
            {
                return null;
            }

            var boxed = Expression.Parameter(typeof(object), "element");
            var read = ReplacingExpressionVisitor.Replace(element, Expression.Convert(boxed, element.Type), member);
            var readMember = Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), boxed).Compile();
            var write = DynamoDbValueConversion.Writer(member.Type, DynamoDbAttributeOperand.Of(property));
            components.Add((property, item => write(readMember(item))));
        }

        return components;
    }

    /// <summary>The entity type an expression reads as a whole (the query's entity), if any.</summary>
    private static IEntityType? EntityOf(Expression expression)
        => RemoveConvert(expression) is StructuralTypeShaperExpression { StructuralType: IEntityType entityType } ? entityType : null;

    private static DynamoDbFilter Negate(DynamoDbFilter filter)
        => filter is DynamoDbBooleanFilter boolean ? boolean.Negate() : new DynamoDbNotFilter(filter);

    /// <summary>
    /// A type test on the query's entity: the discriminator values of the type (and its derived types unless
    /// <paramref name="exact"/>); decided at once where the model has no hierarchy to tell apart.
    /// </summary>
    private DynamoDbFilter? TypeTest(IEntityType entityType, Type type, bool exact, Expression whole)
    {
        var target = entityType.Model.FindEntityType(type);
        if (entityType.FindDiscriminatorProperty() is not { } discriminator || target == null)
        {
            var holds = exact ? entityType.ClrType == type && !entityType.GetDerivedTypes().Any() : type.IsAssignableFrom(entityType.ClrType);
            return holds ? DynamoDbBooleanFilter.True : DynamoDbBooleanFilter.False;
        }

        if (target.GetRootType() != entityType.GetRootType())
        {
            return Fail(whole);
        }

        var values = exact ? [target.GetDiscriminatorValue()] : DynamoDbQueryExpression.DiscriminatorValues(target);
        return new DynamoDbInFilter(discriminator, Expression.Constant(values));
    }

    private DynamoDbFilter? MemberwiseEquality(
        NewExpression composite, IReadOnlyList<System.Reflection.MemberInfo> members, Expression value, bool equal, Expression whole)
    {
        DynamoDbFilter? all = null;
        for (var i = 0; i < members.Count; i++)
        {
            Expression member = members[i] is System.Reflection.MethodInfo getter ? Expression.Call(value, getter) : Expression.MakeMemberAccess(value, members[i]);
            if (TranslateComparison(composite.Arguments[i], DynamoDbComparisonOperator.Equal, member, whole) is not { } part)
            {
                return null;
            }

            all = all == null ? part : new DynamoDbLogicalFilter(true, all, part);
        }

        return all == null ? Fail(whole) : equal ? all : Negate(all);
    }

    private DynamoDbFilter? TranslateCoalesce(Expression nullable, object? fallback, ConstantExpression compared, DynamoDbComparisonOperator op, Expression whole)
    {
        if (TranslateComparison(nullable, DynamoDbComparisonOperator.Equal, compared, whole) is not { } equalsValue)
        {
            return null;
        }

        var equal = Equals(fallback, compared.Value)
            ? Combine(false, equalsValue, TranslateComparison(nullable, DynamoDbComparisonOperator.Equal, Expression.Constant(null, nullable.Type), whole)!, whole)
            : equalsValue;
        return equal == null ? null : op == DynamoDbComparisonOperator.Equal ? equal : Negate(equal);
    }

    /// <summary>
    /// <c>x == entity</c> / <c>x != entity</c>: the same item, by its primary key (a null entity matches nothing);
    /// <c>x == null</c> is false and <c>x != null</c> true for every item read.
    /// </summary>
    private DynamoDbFilter? EntityEquality(IEntityType entityType, bool equal, Expression other, Expression whole)
    {
        if (other is ConstantExpression { Value: null })
        {
            return equal ? DynamoDbBooleanFilter.False : DynamoDbBooleanFilter.True;
        }

        var key = entityType.FindPrimaryKey()!.Properties;
        if (DynamoDbValueOperand.AsValue(other) is not { } value || key.Any(p => p.PropertyInfo == null))
        {
            return Fail(whole);
        }

        DynamoDbFilter? same = null;
        foreach (var property in key)
        {
            // A null entity has no key: the comparison with a null key matches no item.
            var keyValue = Expression.Property(value, property.PropertyInfo!);
            var nullableType = keyValue.Type.IsValueType && Nullable.GetUnderlyingType(keyValue.Type) == null
                ? typeof(Nullable<>).MakeGenericType(keyValue.Type)
                : keyValue.Type;
            var member = Expression.Condition(
                Expression.Equal(value, Expression.Constant(null, value.Type)),
                Expression.Constant(null, nullableType),
                Expression.Convert(keyValue, nullableType));
            var comparison = DynamoDbComparisonFilter.Of(property, DynamoDbComparisonOperator.Equal, member);
            same = same == null ? comparison : new DynamoDbLogicalFilter(true, same, comparison);
        }

        return equal ? same : new DynamoDbNotFilter(same!);
    }

    /// <summary>
    /// <c>left AND right</c> or <c>left OR right</c>, with constant conditions folded away. A <c>bool</c> variable can
    /// only be ANDed with the rest of the condition: it decides whether the query reads anything at all.
    /// </summary>
    private DynamoDbFilter? Combine(bool isAnd, DynamoDbFilter left, DynamoDbFilter right, Expression whole)
    {
        foreach (var (side, other) in new[] { (left, right), (right, left) })
        {
            if (side is DynamoDbBooleanFilter { IsConstant: true } constant)
            {
                // true AND x = x, false AND x = false; true OR x = true, false OR x = x.
                return constant.Evaluate(DynamoDbConditionWriter.NoParameters) == isAnd ? other : constant;
            }
        }

        if (!isAnd && (HoldsBoolean(left) || HoldsBoolean(right)))
        {
            return FailBooleanVariable(whole);
        }

        return !isAnd && DynamoDbInFilter.Merge(left, right) is { } alternatives
            ? alternatives
            : new DynamoDbLogicalFilter(isAnd, left, right);
    }

    private static bool HoldsBoolean(DynamoDbFilter filter)
        => filter is DynamoDbBooleanFilter
            || (filter is DynamoDbLogicalFilter logical && (HoldsBoolean(logical.Left) || HoldsBoolean(logical.Right)));

    private DynamoDbFilter? FailBooleanVariable(Expression whole)
    {
        TranslationErrorDetails ??= DynamoDbStrings.BooleanVariableInOr(DynamoDbExpressionText.Print(whole));
        return null;
    }

    private DynamoDbFilter? TranslateComparison(Expression left, DynamoDbComparisonOperator op, Expression right, Expression whole)
    {
        if (op is DynamoDbComparisonOperator.Equal or DynamoDbComparisonOperator.NotEqual)
        {
            // new { x.A, x.B } == new { A = 1, B = 2 } (or a variable of that anonymous type): member by member.
            if (RemoveConvert(left) is NewExpression { Members: { } members } composite && DynamoDbValueOperand.AsValue(right) is { } compositeValue)
            {
                return MemberwiseEquality(composite, members, compositeValue, op == DynamoDbComparisonOperator.Equal, whole);
            }

            // (x.P ?? fallback) == v, both constants: x.P == v, or also x.P == null when the fallback equals v.
            if (RemoveConvert(left) is BinaryExpression { NodeType: ExpressionType.Coalesce } coalesce
                && RemoveConvert(coalesce.Right) is ConstantExpression fallback && RemoveConvert(right) is ConstantExpression compared)
            {
                return TranslateCoalesce(coalesce.Left, fallback.Value, compared, op, whole);
            }

            if (EntityOf(left) is { } leftEntity)
            {
                return EntityEquality(leftEntity, op == DynamoDbComparisonOperator.Equal, RemoveConvert(right), whole);
            }

            if (EntityOf(right) is { } rightEntity)
            {
                return EntityEquality(rightEntity, op == DynamoDbComparisonOperator.Equal, RemoveConvert(left), whole);
            }
        }

        // Operands in one order: the item's attribute on the left.
        var (attribute, other, normalised) = BindAttribute(left) is { } leftAttribute ? (leftAttribute, right, op)
            : BindAttribute(right) is { } rightAttribute ? (rightAttribute, left, Mirror(op))
            : (null, null, op);
        if (attribute != null && DynamoDbValueOperand.AsValue(other!) is { } value)
        {
            return new DynamoDbComparisonFilter(attribute, normalised, new DynamoDbValueOperand(value, attribute));
        }

        // Two attributes of the item (x.Max > x.Min): comparable when DynamoDB stores both as the same type.
        if (attribute is { IsSize: false } && BindAttribute(other!) is { IsSize: false } second && attribute.AttributeType == second.AttributeType)
        {
            return new DynamoDbAttributeComparisonFilter(attribute, normalised, second);
        }

        return Fail(whole);
    }

    /// <summary>
    /// What an expression reads from the item, bound to its attribute operand: an element of a list, a member of an
    /// element of a collection, a size, or a property's attribute; null when it reads none of these.
    /// </summary>
    private static DynamoDbAttributeOperand? BindAttribute(Expression expression)
        => FindListElement(expression) is { } element ? DynamoDbAttributeOperand.Element(element.Property, element.Index, element.Codec)
            : FindElementMember(expression) is { } member ? DynamoDbAttributeOperand.ElementMember(member.Collection, member.Index, member.Property)
            : FindSizedProperty(expression) is { } sized ? DynamoDbAttributeOperand.SizeOf(sized)
            : FindProperty(expression) is { } property ? DynamoDbAttributeOperand.Of(property)
            : null;

    /// <summary>Whether two operands of <c>Equals</c> are values of different scalar types (<c>int</c> and <c>long</c>): never equal.</summary>
    private static bool OfDifferentTypes(Expression left, Expression right)
    {
        var (leftType, rightType) = (RemoveConvert(left).Type, RemoveConvert(right).Type);
        leftType = Nullable.GetUnderlyingType(leftType) ?? leftType;
        rightType = Nullable.GetUnderlyingType(rightType) ?? rightType;
        return leftType != rightType && IsScalar(leftType) && IsScalar(rightType);

        static bool IsScalar(Type type) => type.IsValueType || type == typeof(string);
    }

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

    private static Expression UnwrapAsQueryable(Expression expression)
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
    private static IPropertyBase? FindSizeTarget(Expression sized)
        => FindComplexCollection(sized) is { } collection ? collection
            : FindOwnedNavigation(sized) is { IsCollection: true } ownedCollection ? ownedCollection
            : FindProperty(sized) is { } property
                && (property.ClrType == typeof(string) || DynamoDbCollectionCodecs.Find(property.ClrType) != null || property.ClrType == typeof(byte[]))
                ? property
                : null;

    /// <summary><c>string.Compare(a, b)</c> or <c>a.CompareTo(b)</c>, compared with 0: the idiom for string ranges.</summary>
    private static bool TryGetStringCompare(Expression expression, out Expression left, out Expression right)
    {
        (left, right) = expression switch
        {
            MethodCallExpression { Method.Name: nameof(string.Compare), Object: null, Arguments: [var a, var b] } call
                when call.Method.DeclaringType == typeof(string) => (a, b),
            MethodCallExpression { Method.Name: nameof(string.CompareTo), Object: { } a, Arguments: [var b] } call
                when call.Method.DeclaringType == typeof(string) => (a, b),
            _ => (null!, null!),
        };
        return left != null;
    }

    private static bool IsZero(Expression expression) => expression is ConstantExpression { Value: 0 };

    /// <summary><c>values.Contains(item)</c> as an instance call or as <c>Enumerable.Contains(values, item)</c>.</summary>
    private static bool TryGetCollectionContains(MethodCallExpression call, out Expression values, out Expression item)
    {
        (values, item) = call switch
        {
            { Method.Name: nameof(Enumerable.Contains), Object: null, Arguments: [var source, var value] }
                when call.Method.DeclaringType == typeof(Enumerable) || call.Method.DeclaringType == typeof(MemoryExtensions) => (source, value),
            { Method.Name: nameof(List<int>.Contains), Object: { } source, Arguments: [var value] }
                when source.Type != typeof(string) && source.Type.IsAssignableTo(typeof(System.Collections.IEnumerable)) => (source, value),
            _ => (null!, null!),
        };
        return values != null;
    }

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

    private DynamoDbFilter? Fail(Expression expression)
    {
        TranslationErrorDetails ??= DynamoDbStrings.UnsupportedFilter(DynamoDbExpressionText.Print(expression));
        return null;
    }

    /// <summary>The expression without the conversions (and <c>as</c> casts) around it.</summary>
    public static Expression RemoveConvert(Expression expression)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked or ExpressionType.TypeAs } convert)
        {
            expression = convert.Operand;
        }

        return expression;
    }

    private static DynamoDbComparisonOperator? ToOperator(ExpressionType nodeType)
        => nodeType switch
        {
            ExpressionType.Equal => DynamoDbComparisonOperator.Equal,
            ExpressionType.NotEqual => DynamoDbComparisonOperator.NotEqual,
            ExpressionType.LessThan => DynamoDbComparisonOperator.LessThan,
            ExpressionType.LessThanOrEqual => DynamoDbComparisonOperator.LessThanOrEqual,
            ExpressionType.GreaterThan => DynamoDbComparisonOperator.GreaterThan,
            ExpressionType.GreaterThanOrEqual => DynamoDbComparisonOperator.GreaterThanOrEqual,
            _ => null,
        };

    private static DynamoDbComparisonOperator Mirror(DynamoDbComparisonOperator op)
        => op switch
        {
            DynamoDbComparisonOperator.LessThan => DynamoDbComparisonOperator.GreaterThan,
            DynamoDbComparisonOperator.LessThanOrEqual => DynamoDbComparisonOperator.GreaterThanOrEqual,
            DynamoDbComparisonOperator.GreaterThan => DynamoDbComparisonOperator.LessThan,
            DynamoDbComparisonOperator.GreaterThanOrEqual => DynamoDbComparisonOperator.LessThanOrEqual,
            _ => op,
        };
}
