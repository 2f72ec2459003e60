using System.Linq.Expressions;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore.Metadata;
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
                return right == null ? null : Combine(logical.NodeType == ExpressionType.AndAlso, left!, right);
            }

            case UnaryExpression { NodeType: ExpressionType.Not } not when not.Type == typeof(bool):
                return TranslateNode(not.Operand) switch
                {
                    DynamoDbBooleanFilter boolean => boolean.Negate(),
                    { } operand => new DynamoDbNotFilter(operand),
                    null => null,
                };

            // A condition the client knows per execution: true, a bool variable, flags.Contains(mode).
            case { } condition when condition.Type == typeof(bool) && DynamoDbClientValue.AsValue(condition) is { } known:
                return new DynamoDbBooleanFilter(new DynamoDbClientValue(known));

            // x.A ? x.B > 1 : x.C < 2 as (A AND B > 1) OR (NOT A AND C < 2).
            case ConditionalExpression conditional when conditional.Type == typeof(bool):
                return TranslateBranches(Branches(conditional)!, TranslateNode, expression);

            // x is Perishable: the discriminator holds the type's value or one of its derived types'.
            case TypeBinaryExpression { NodeType: ExpressionType.TypeIs } typeIs when DynamoDbAttributeBinder.EntityOf(typeIs.Expression) is { } checkedType:
                return TypeTest(checkedType, typeIs.TypeOperand, exact: false, typeIs);

            // x.GetType() == typeof(Perishable): the discriminator holds exactly the type's value.
            case BinaryExpression { NodeType: ExpressionType.Equal or ExpressionType.NotEqual } typeEquality
                when typeEquality.Left is MethodCallExpression { Method.Name: nameof(GetType), Object: { } instance, Arguments: [] }
                    && DynamoDbAttributeBinder.EntityOf(instance) is { } instanceType
                    && DynamoDbAttributeBinder.RemoveConvert(typeEquality.Right) is ConstantExpression { Value: Type exactType }:
            {
                var test = TypeTest(instanceType, exactType, exact: true, typeEquality);
                return test != null && typeEquality.NodeType == ExpressionType.NotEqual ? Negate(test) : test;
            }

            // x.Visits.HasValue is x.Visits != null.
            case MemberExpression { Member.Name: nameof(Nullable<int>.HasValue), Expression: { } nullable }
                when Nullable.GetUnderlyingType(nullable.Type) != null && DynamoDbAttributeBinder.BindProperty(nullable) is { } optional:
                return DynamoDbComparisonFilter.Of(optional, DynamoDbComparisonOperator.NotEqual, Expression.Constant(null, nullable.Type));

            // string.IsNullOrEmpty(x.Name): absent, NULL or "".
            case MethodCallExpression { Method.Name: nameof(string.IsNullOrEmpty), Object: null, Arguments: [var text] } call
                when call.Method.DeclaringType == typeof(string) && DynamoDbAttributeBinder.BindProperty(text) is { } textProperty:
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

            // Ordinal string equality is DynamoDB's own: strings compare byte by byte.
            case MethodCallExpression { Method.Name: nameof(string.Equals), Object: { } instance, Arguments: [var argument, ConstantExpression { Value: StringComparison.Ordinal }] }
                when instance.Type == typeof(string):
                return TranslateComparison(instance, DynamoDbComparisonOperator.Equal, argument, expression);

            case MethodCallExpression { Method.Name: nameof(string.Equals), Object: null, Arguments: [var left, var right, ConstantExpression { Value: StringComparison.Ordinal }] }
                when left.Type == typeof(string):
                return TranslateComparison(left, DynamoDbComparisonOperator.Equal, right, expression);

            case MethodCallExpression { Method.Name: nameof(object.Equals), Object: null, Arguments: [var left, var right] }:
                return OfDifferentTypes(left, right) ? DynamoDbBooleanFilter.False : TranslateComparison(left, DynamoDbComparisonOperator.Equal, right, expression);

            // StartsWith and Contains, as written or with StringComparison.Ordinal (DynamoDB compares bytes).
            case MethodCallExpression { Method.Name: nameof(string.StartsWith) or nameof(string.Contains), Object: { } instance, Arguments: [var argument, ..] } call
                when call.Method.DeclaringType == typeof(string)
                    && call.Arguments is [_] or [_, ConstantExpression { Value: StringComparison.Ordinal }]
                    && DynamoDbAttributeBinder.BindProperty(instance) is { } property
                    && DynamoDbClientValue.AsValue(argument) is { } value:
                return new DynamoDbFunctionFilter(
                    call.Method.Name == nameof(string.StartsWith) ? DynamoDbFunctionFilter.BeginsWith : DynamoDbFunctionFilter.Contains,
                    property,
                    DynamoDbValueOperand.Of(property, value));

            case MethodCallExpression call when TryGetCollectionContains(call, out var collection, out var element)
                && DynamoDbAttributeBinder.BindProperty(collection) is { } collectionProperty
                && DynamoDbCollectionCodecs.FindElementCodec(collectionProperty.ClrType) is { } elementCodec
                && DynamoDbClientValue.AsValue(element) is { } elementValue:
                return new DynamoDbFunctionFilter(
                    DynamoDbFunctionFilter.Contains,
                    collectionProperty,
                    new DynamoDbValueOperand(elementValue, DynamoDbAttributeOperand.ElementsOf(collectionProperty, elementCodec)));

            case MethodCallExpression call when TryGetCollectionContains(call, out var values, out var item)
                && DynamoDbAttributeBinder.BindProperty(item) is { } property
                && DynamoDbClientValue.AsValue(values) is { } valuesExpression
                && valuesExpression is ConstantExpression or QueryParameterExpression:
                return new DynamoDbInFilter(property, valuesExpression);

            case MethodCallExpression { Method.Name: nameof(Enumerable.Any), Object: null, Arguments: [var tuples, LambdaExpression match] } call
                when call.Method.DeclaringType == typeof(Enumerable)
                    && DynamoDbClientValue.AsValue(tuples) is ConstantExpression or QueryParameterExpression
                    && TupleComponents(match) is { } components:
                return new DynamoDbTupleInFilter(components, DynamoDbClientValue.AsValue(tuples)!);

            case MethodCallExpression { Method.Name: nameof(Enumerable.Any), Object: null, Arguments: [var source] } call
                when (call.Method.DeclaringType == typeof(Enumerable) || call.Method.DeclaringType == typeof(Queryable))
                    && DynamoDbAttributeBinder.FindSizeTarget(DynamoDbAttributeBinder.UnwrapAsQueryable(source)) is { } collection:
                // x.Lines.Any(), which EF Core also makes of x.Lines.Count > 0.
            {
                var size = DynamoDbAttributeOperand.SizeOf(collection);
                return new DynamoDbComparisonFilter(size, DynamoDbComparisonOperator.GreaterThan, new DynamoDbValueOperand(Expression.Constant(0), size));
            }

            default:
                // A boolean property on its own: x.IsActive means x.IsActive == true.
                if (expression.Type == typeof(bool) && DynamoDbAttributeBinder.BindProperty(expression) is { } flag)
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

            var (property, member) = DynamoDbAttributeBinder.BindProperty(left ?? element) is { } p ? (p, right) : (DynamoDbAttributeBinder.BindProperty(right ?? element), left);
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

    /// <summary>
    /// The parts of an anonymous object or a tuple made in the query (<c>new { x.A, x.B }</c>,
    /// <c>Tuple.Create(x.A, x.B)</c>), each with the member that reads it back; null for anything else.
    /// </summary>
    private static (Type Type, IReadOnlyList<Expression> Parts, IReadOnlyList<System.Reflection.MemberInfo> Members)? Composite(Expression expression)
        => DynamoDbAttributeBinder.RemoveConvert(expression) switch
        {
            NewExpression { Members: { } members } anonymous => (anonymous.Type, anonymous.Arguments, members),
            NewExpression tuple when IsTuple(tuple.Type) => (tuple.Type, tuple.Arguments, TupleItems(tuple.Type, tuple.Arguments.Count)),
            MethodCallExpression { Method.Name: nameof(Tuple.Create), Object: null } create
                when create.Method.DeclaringType == typeof(Tuple) || create.Method.DeclaringType == typeof(ValueTuple)
                => (create.Type, create.Arguments, TupleItems(create.Type, create.Arguments.Count)),
            _ => null,
        };

    private static bool IsTuple(Type type)
        => type.IsGenericType && type.FullName!.StartsWith("System.", StringComparison.Ordinal)
            && (type.Name.StartsWith("Tuple`", StringComparison.Ordinal) || type.Name.StartsWith("ValueTuple`", StringComparison.Ordinal));

    private static System.Reflection.MemberInfo[] TupleItems(Type tupleType, int count)
        => [.. Enumerable.Range(1, count).Select(i => (System.Reflection.MemberInfo?)tupleType.GetProperty("Item" + i) ?? tupleType.GetField("Item" + i)!)];

    /// <summary>
    /// The parts of a composite equal to the members of a value of the same type; a value of another type, or null,
    /// is never equal (as <c>Equals</c> has it). A value that may be null per execution is checked per execution.
    /// </summary>
    private DynamoDbFilter? MemberwiseEquality(
        (Type Type, IReadOnlyList<Expression> Parts, IReadOnlyList<System.Reflection.MemberInfo> Members) composite,
        Expression value,
        bool equal,
        Expression whole)
    {
        if (value.Type != composite.Type || value is ConstantExpression { Value: null })
        {
            return equal ? DynamoDbBooleanFilter.False : DynamoDbBooleanFilter.True;
        }

        var isNull = value.Type.IsValueType ? null : Expression.Equal(value, Expression.Constant(null, value.Type));
        DynamoDbFilter? all = isNull == null ? null : new DynamoDbBooleanFilter(new DynamoDbClientValue(Expression.Not(isNull)));
        var (_, parts, members) = composite;
        for (var i = 0; i < members.Count; i++)
        {
            Expression member = members[i] is System.Reflection.MethodInfo getter ? Expression.Call(value, getter) : Expression.MakeMemberAccess(value, members[i]);
            member = isNull == null ? member : Expression.Condition(isNull, Expression.Default(member.Type), member);
            if (TranslateComparison(parts[i], DynamoDbComparisonOperator.Equal, member, whole) is not { } part)
            {
                return null;
            }

            all = all == null ? part : Combine(true, all, part);
        }

        return all == null ? Fail(whole) : equal ? all : Negate(all);
    }

    /// <summary>
    /// The branches of <c>a ?? b</c> (<c>a</c> where it is not null, else <c>b</c>) and of <c>test ? a : b</c>, each
    /// with the condition under which it is the value; null for any other expression, or one the client computes.
    /// </summary>
    private static (Expression Condition, Expression Value)[]? Branches(Expression expression)
        => DynamoDbClientValue.AsValue(expression) != null ? null
            : (DynamoDbConversions.WithoutLosslessConversions(expression) switch
            {
                BinaryExpression { NodeType: ExpressionType.Coalesce } coalesce =>
                [
                    (Expression.NotEqual(coalesce.Left, Expression.Constant(null, coalesce.Left.Type)), coalesce.Left),
                    (Expression.Equal(coalesce.Left, Expression.Constant(null, coalesce.Left.Type)), coalesce.Right),
                ],
                ConditionalExpression conditional => [(conditional.Test, conditional.IfTrue), (Expression.Not(conditional.Test), conditional.IfFalse)],
                _ => ((Expression, Expression)[]?)null,
            })?.Select(branch => (branch.Item1, AsType(branch.Item2, expression.Type))).ToArray();

    /// <summary>A branch's value as the type the whole was compared as (<c>(long)(x.Visits ?? 0) == 5L</c>).</summary>
    private static Expression AsType(Expression value, Type type) => value.Type == type ? value : Expression.Convert(value, type);

    /// <summary>The OR of each branch's condition ANDed with what <paramref name="translate"/> makes of its value.</summary>
    private DynamoDbFilter? TranslateBranches(
        (Expression Condition, Expression Value)[] branches, Func<Expression, DynamoDbFilter?> translate, Expression whole)
    {
        DynamoDbFilter? any = null;
        foreach (var (condition, value) in branches)
        {
            if (TranslateNode(condition) is not { } holds || translate(value) is not { } matches
                || Combine(true, holds, matches) is not { } branch)
            {
                return null;
            }

            any = any == null ? branch : Combine(false, any, branch);
        }

        return any ?? Fail(whole);
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
        if (DynamoDbClientValue.AsValue(other) is not { } value || key.Any(p => p.PropertyInfo == null))
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

    /// <summary><c>left AND right</c> or <c>left OR right</c>, with constant conditions folded away.</summary>
    private static DynamoDbFilter Combine(bool isAnd, DynamoDbFilter left, DynamoDbFilter right)
    {
        foreach (var (side, other) in new[] { (left, right), (right, left) })
        {
            if (side is DynamoDbBooleanFilter { IsConstant: true } constant)
            {
                // true AND x = x, false AND x = false; true OR x = true, false OR x = x.
                return constant.Evaluate(DynamoDbConditionWriter.NoParameters) == isAnd ? other : constant;
            }
        }

        return !isAnd && DynamoDbInFilter.Merge(left, right) is { } alternatives
            ? alternatives
            : new DynamoDbLogicalFilter(isAnd, left, right);
    }

    private DynamoDbFilter? TranslateComparison(Expression left, DynamoDbComparisonOperator op, Expression right, Expression whole)
    {
        if (op is DynamoDbComparisonOperator.Equal or DynamoDbComparisonOperator.NotEqual)
        {
            // new { x.A, x.B } == new { A = 1, B = 2 }, Tuple.Create(x.A, x.B).Equals(pair) (or a variable of the type):
            // member by member.
            if (Composite(left) is { } composite && DynamoDbClientValue.AsValue(right) is { } compositeValue)
            {
                return MemberwiseEquality(composite, DynamoDbAttributeBinder.RemoveConvert(compositeValue), op == DynamoDbComparisonOperator.Equal, whole);
            }

            if (DynamoDbAttributeBinder.EntityOf(left) is { } leftEntity)
            {
                return EntityEquality(leftEntity, op == DynamoDbComparisonOperator.Equal, DynamoDbAttributeBinder.RemoveConvert(right), whole);
            }

            if (DynamoDbAttributeBinder.EntityOf(right) is { } rightEntity)
            {
                return EntityEquality(rightEntity, op == DynamoDbComparisonOperator.Equal, DynamoDbAttributeBinder.RemoveConvert(left), whole);
            }
        }

        // (x.A ?? b) op v and (test ? a : b) op v: each branch compared, under the condition that makes it the value.
        if (Branches(left) is { } leftBranches)
        {
            return TranslateBranches(leftBranches, branch => TranslateComparison(branch, op, right, whole), whole);
        }

        if (Branches(right) is { } rightBranches)
        {
            return TranslateBranches(rightBranches, branch => TranslateComparison(left, op, branch, whole), whole);
        }

        // Operands in one order: the item's attribute on the left.
        var (attribute, other, normalised) = DynamoDbAttributeBinder.Bind(left) is { } leftAttribute ? (leftAttribute, right, op)
            : DynamoDbAttributeBinder.Bind(right) is { } rightAttribute ? (rightAttribute, left, Mirror(op))
            : (null, null, op);
        if (attribute != null && DynamoDbClientValue.AsValue(other!) is { } value)
        {
            return new DynamoDbComparisonFilter(attribute, normalised, new DynamoDbValueOperand(value, attribute));
        }

        // Two attributes of the item (x.Max > x.Min): comparable when DynamoDB stores both as the same type.
        if (attribute is { IsSize: false } && DynamoDbAttributeBinder.Bind(other!) is { IsSize: false } second && attribute.AttributeType == second.AttributeType)
        {
            return new DynamoDbAttributeComparisonFilter(attribute, normalised, second);
        }

        // Two values the client knows, as a branch makes them: (x.Tag ?? fallback) == v asks whether fallback == v.
        if (attribute == null && DynamoDbClientValue.AsValue(left) is { } leftValue && DynamoDbClientValue.AsValue(right) is { } rightValue
            && CompareValues(leftValue, op, rightValue) is { } known)
        {
            return known;
        }

        return Fail(whole);
    }

    /// <summary>
    /// The comparison of two client values, evaluated per execution (now, when both are constants: not a client
    /// expression such as <c>DateTime.UtcNow</c>); null when C# has no such comparison of their types.
    /// </summary>
    private static DynamoDbBooleanFilter? CompareValues(Expression left, DynamoDbComparisonOperator op, Expression right)
    {
        if (left.Type != right.Type)
        {
            (left, right) = Nullable.GetUnderlyingType(right.Type) == left.Type ? (Expression.Convert(left, right.Type), right)
                : Nullable.GetUnderlyingType(left.Type) == right.Type ? (left, Expression.Convert(right, left.Type))
                : (left, right);
        }

        BinaryExpression comparison;
        try
        {
            comparison = Expression.MakeBinary(ToNodeType(op), left, right);
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        var value = new DynamoDbClientValue(comparison);
        return DynamoDbAttributeBinder.RemoveConvert(left) is ConstantExpression && DynamoDbAttributeBinder.RemoveConvert(right) is ConstantExpression
            ? (bool)value.Evaluate(DynamoDbConditionWriter.NoParameters)! ? DynamoDbBooleanFilter.True : DynamoDbBooleanFilter.False
            : new DynamoDbBooleanFilter(value);
    }

    /// <summary>
    /// Whether two operands of <c>Equals</c> are values of different scalar types (<c>x.Count.Equals(5L)</c>, an
    /// <c>int</c> and a boxed <c>long</c>): never equal. Only the boxing of <c>Equals(object)</c> is looked through; a
    /// conversion the compiler chose for a typed overload (<c>x.Price.Equals(x.Count)</c>) is part of the comparison.
    /// </summary>
    private static bool OfDifferentTypes(Expression left, Expression right)
    {
        var (leftType, rightType) = (WithoutBoxing(left).Type, WithoutBoxing(right).Type);
        leftType = Nullable.GetUnderlyingType(leftType) ?? leftType;
        rightType = Nullable.GetUnderlyingType(rightType) ?? rightType;
        return leftType != rightType && IsScalar(leftType) && IsScalar(rightType);

        static bool IsScalar(Type type) => type.IsValueType || type == typeof(string);

        static Expression WithoutBoxing(Expression expression)
            => expression is UnaryExpression { NodeType: ExpressionType.Convert, Type: var type, Operand: var operand } && type == typeof(object) ? operand : expression;
    }

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

    private DynamoDbFilter? Fail(Expression expression)
    {
        TranslationErrorDetails ??= DynamoDbStrings.UnsupportedFilter(DynamoDbExpressionText.Print(expression), DynamoDbRefusalHint.For(expression));
        return null;
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

    private static ExpressionType ToNodeType(DynamoDbComparisonOperator op)
        => op switch
        {
            DynamoDbComparisonOperator.Equal => ExpressionType.Equal,
            DynamoDbComparisonOperator.NotEqual => ExpressionType.NotEqual,
            DynamoDbComparisonOperator.LessThan => ExpressionType.LessThan,
            DynamoDbComparisonOperator.LessThanOrEqual => ExpressionType.LessThanOrEqual,
            DynamoDbComparisonOperator.GreaterThan => ExpressionType.GreaterThan,
            _ => ExpressionType.GreaterThanOrEqual,
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
