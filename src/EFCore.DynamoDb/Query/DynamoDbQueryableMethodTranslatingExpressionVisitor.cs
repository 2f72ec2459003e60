using System.Linq.Expressions;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Query;

/// <summary>
/// Translates LINQ operators into a <see cref="DynamoDbQueryExpression"/>. Each operator DynamoDB cannot answer
/// returns null with a reason, so EF Core throws an <see cref="InvalidOperationException"/> naming the expression.
/// </summary>
internal sealed class DynamoDbQueryableMethodTranslatingExpressionVisitor : QueryableMethodTranslatingExpressionVisitor
{
    private readonly DynamoDbFilterTranslator _filterTranslator = new();

    public DynamoDbQueryableMethodTranslatingExpressionVisitor(
        QueryableMethodTranslatingExpressionVisitorDependencies dependencies,
        QueryCompilationContext queryCompilationContext)
        : base(dependencies, queryCompilationContext, subquery: false)
    {
    }

    protected override QueryableMethodTranslatingExpressionVisitor CreateSubqueryVisitor()
        => throw new InvalidOperationException(DynamoDbStrings.SubqueriesNotSupported);

    protected override ShapedQueryExpression CreateShapedQueryExpression(IEntityType entityType)
    {
        var queryExpression = DynamoDbQueryExpression.Create(entityType);

        return new ShapedQueryExpression(
            queryExpression,
            new StructuralTypeShaperExpression(
                entityType,
                new ProjectionBindingExpression(queryExpression, new ProjectionMember(), typeof(ValueBuffer)),
                nullable: false));
    }

    protected override Expression VisitExtension(Expression extensionExpression)
    {
        if (extensionExpression is DynamoDbPartiQLQueryRootExpression root)
        {
            var shaped = CreateShapedQueryExpression(root.EntityType);
            ((DynamoDbQueryExpression)shaped.QueryExpression).ApplyPartiQL(root.Statement, root.Arguments);
            return shaped;
        }

        // FromSqlRaw, FromSqlInterpolated and FromSql (a SQL Server habit): DynamoDB speaks PartiQL, not SQL.
        if (extensionExpression is Microsoft.EntityFrameworkCore.Query.Internal.FromSqlQueryRootExpression fromSql)
        {
            throw new InvalidOperationException(DynamoDbStrings.FromSqlNotSupported(fromSql.EntityType.DisplayName(), fromSql.EntityType.GetTableName()));
        }

        return base.VisitExtension(extensionExpression);
    }

    protected override ShapedQueryExpression? TranslateWhere(ShapedQueryExpression source, LambdaExpression predicate)
    {
        var query = (DynamoDbQueryExpression)source.QueryExpression;
        if (query.PartiQL != null)
        {
            return Unsupported(DynamoDbStrings.PartiQLComposition(nameof(Queryable.Where)));
        }

        if (query.Paging.Count > 0)
        {
            return Unsupported(DynamoDbStrings.WhereAfterTake);
        }

        var filter = _filterTranslator.Translate(RemapLambdaBody(source, predicate));
        if (filter == null)
        {
            return Unsupported(_filterTranslator.TranslationErrorDetails!);
        }

        query.ApplyPredicate(filter);
        return source;
    }

    protected override ShapedQueryExpression? TranslateFirstOrDefault(
        ShapedQueryExpression source, LambdaExpression? predicate, Type returnType, bool returnDefault)
        => TranslateSingleResult(source, predicate, limit: 1, returnDefault);

    protected override ShapedQueryExpression? TranslateSingleOrDefault(
        ShapedQueryExpression source, LambdaExpression? predicate, Type returnType, bool returnDefault)
        // Two results are enough to know that Single must fail.
        => TranslateSingleResult(source, predicate, limit: 2, returnDefault);

    /// <summary>
    /// <c>OrderBy(x =&gt; x.SortKey).Last()</c>: the first item in the other direction, read with the opposite
    /// <c>ScanIndexForward</c> and a limit of one.
    /// </summary>
    protected override ShapedQueryExpression? TranslateLastOrDefault(
        ShapedQueryExpression source, LambdaExpression? predicate, Type returnType, bool returnDefault)
    {
        var query = (DynamoDbQueryExpression)source.QueryExpression;
        if (query.PartiQL != null)
        {
            return Unsupported(DynamoDbStrings.PartiQLComposition(nameof(Queryable.Last)));
        }

        if (query.OrderingProperty is not { } ordering || query.Paging.Count > 0)
        {
            return Unsupported(DynamoDbStrings.LastNeedsOrdering(query.EntityType.DisplayName()));
        }

        query.ApplyOrdering(ordering, !query.OrderAscending);
        return TranslateSingleResult(source, predicate, limit: 1, returnDefault);
    }

    protected override ShapedQueryExpression? TranslateTake(ShapedQueryExpression source, Expression count)
    {
        ((DynamoDbQueryExpression)source.QueryExpression).ApplyTake(count);
        return source;
    }

    protected override ShapedQueryExpression? TranslateSkip(ShapedQueryExpression source, Expression count)
    {
        if (((DynamoDbQueryExpression)source.QueryExpression).PartiQL != null)
        {
            return Unsupported(DynamoDbStrings.PartiQLComposition(nameof(Queryable.Skip)));
        }

        ((DynamoDbQueryExpression)source.QueryExpression).ApplySkip(count);
        return source;
    }

    protected override ShapedQueryExpression? TranslateOrderBy(ShapedQueryExpression source, LambdaExpression keySelector, bool ascending)
    {
        var query = (DynamoDbQueryExpression)source.QueryExpression;
        if (query.PartiQL != null)
        {
            return Unsupported(DynamoDbStrings.PartiQLComposition(nameof(Queryable.OrderBy)));
        }

        if (query.Paging.Count > 0)
        {
            return Unsupported(DynamoDbStrings.OrderingAfterPaging);
        }

        var property = DynamoDbAttributeBinder.FindProperty(RemapLambdaBody(source, keySelector));
        if (property == null || !SortKeys(query.EntityType).Contains(property))
        {
            return Unsupported(DynamoDbStrings.OrderingNotOnSortKey(query.EntityType.DisplayName(), DynamoDbExpressionText.Print(keySelector)));
        }

        query.ApplyOrdering(property, ascending);
        return source;
    }

    protected override ShapedQueryExpression TranslateSelect(ShapedQueryExpression source, LambdaExpression selector)
    {
        if (selector.Body == selector.Parameters[0])
        {
            return source;
        }

        var binder = new DynamoDbProjectionBindingExpressionVisitor();
        var shaper = binder.Bind(RemapLambdaBody(source, selector));
        ((DynamoDbQueryExpression)source.QueryExpression).ApplyProjection(binder.Properties);
        return source.UpdateShaperExpression(shaper);
    }

    protected override ShapedQueryExpression? TranslateCount(ShapedQueryExpression source, LambdaExpression? predicate)
        => TranslateAggregate(source, predicate, DynamoDbAggregate.Count, typeof(int));

    protected override ShapedQueryExpression? TranslateLongCount(ShapedQueryExpression source, LambdaExpression? predicate)
        => TranslateAggregate(source, predicate, DynamoDbAggregate.Count, typeof(long));

    protected override ShapedQueryExpression? TranslateAny(ShapedQueryExpression source, LambdaExpression? predicate)
        => TranslateAggregate(source, predicate, DynamoDbAggregate.Any, typeof(bool));

    protected override ShapedQueryExpression? TranslateAll(ShapedQueryExpression source, LambdaExpression predicate)
        => TranslateAggregate(
            source, Expression.Lambda(Expression.Not(predicate.Body), predicate.Parameters), DynamoDbAggregate.All, typeof(bool));
    protected override ShapedQueryExpression? TranslateThenBy(ShapedQueryExpression source, LambdaExpression keySelector, bool ascending) => Cannot(nameof(Queryable.ThenBy));
    protected override ShapedQueryExpression? TranslateAverage(ShapedQueryExpression source, LambdaExpression? selector, Type resultType)
        => TranslateValueAggregate(source, selector, resultType, nameof(Queryable.Average));
    protected override ShapedQueryExpression? TranslateCast(ShapedQueryExpression source, Type castType) => Cannot(nameof(Queryable.Cast));
    protected override ShapedQueryExpression? TranslateConcat(ShapedQueryExpression source1, ShapedQueryExpression source2) => Cannot(nameof(Queryable.Concat));
    protected override ShapedQueryExpression? TranslateContains(ShapedQueryExpression source, Expression item) => Cannot(nameof(Queryable.Contains));
    protected override ShapedQueryExpression? TranslateDefaultIfEmpty(ShapedQueryExpression source, Expression? defaultValue) => Cannot(nameof(Queryable.DefaultIfEmpty));
    protected override ShapedQueryExpression? TranslateDistinct(ShapedQueryExpression source) => Cannot(nameof(Queryable.Distinct));
    protected override ShapedQueryExpression? TranslateElementAtOrDefault(ShapedQueryExpression source, Expression index, bool returnDefault) => Cannot(nameof(Queryable.ElementAt));
    protected override ShapedQueryExpression? TranslateExcept(ShapedQueryExpression source1, ShapedQueryExpression source2) => Cannot(nameof(Queryable.Except));
    protected override ShapedQueryExpression? TranslateGroupBy(ShapedQueryExpression source, LambdaExpression keySelector, LambdaExpression? elementSelector, LambdaExpression? resultSelector) => Cannot(nameof(Queryable.GroupBy));
    protected override ShapedQueryExpression? TranslateGroupJoin(ShapedQueryExpression outer, ShapedQueryExpression inner, LambdaExpression outerKeySelector, LambdaExpression innerKeySelector, LambdaExpression resultSelector) => Cannot(nameof(Queryable.GroupJoin));
    protected override ShapedQueryExpression? TranslateIntersect(ShapedQueryExpression source1, ShapedQueryExpression source2) => Cannot(nameof(Queryable.Intersect));
    protected override ShapedQueryExpression? TranslateJoin(ShapedQueryExpression outer, ShapedQueryExpression inner, LambdaExpression outerKeySelector, LambdaExpression innerKeySelector, LambdaExpression resultSelector) => Cannot(nameof(Queryable.Join));
    protected override ShapedQueryExpression? TranslateLeftJoin(ShapedQueryExpression outer, ShapedQueryExpression inner, LambdaExpression outerKeySelector, LambdaExpression innerKeySelector, LambdaExpression resultSelector) => Cannot("LeftJoin");
    protected override ShapedQueryExpression? TranslateRightJoin(ShapedQueryExpression outer, ShapedQueryExpression inner, LambdaExpression outerKeySelector, LambdaExpression innerKeySelector, LambdaExpression resultSelector) => Cannot("RightJoin");
    protected override ShapedQueryExpression? TranslateMax(ShapedQueryExpression source, LambdaExpression? selector, Type resultType)
        => TranslateValueAggregate(source, selector, resultType, nameof(Queryable.Max));
    protected override ShapedQueryExpression? TranslateMin(ShapedQueryExpression source, LambdaExpression? selector, Type resultType)
        => TranslateValueAggregate(source, selector, resultType, nameof(Queryable.Min));
    protected override ShapedQueryExpression? TranslateOfType(ShapedQueryExpression source, Type resultType)
    {
        var shaper = (StructuralTypeShaperExpression)source.ShaperExpression;
        var entityType = (IEntityType)shaper.StructuralType;
        if (resultType == entityType.ClrType)
        {
            return source;
        }

        var derived = entityType.GetDerivedTypes().FirstOrDefault(t => t.ClrType == resultType);
        if (derived == null || DynamoDbQueryExpression.DiscriminatorFilter(derived) is not { } discriminator)
        {
            return Cannot(nameof(Queryable.OfType));
        }

        ((DynamoDbQueryExpression)source.QueryExpression).ApplyPredicate(discriminator);
        return source.UpdateShaperExpression(new StructuralTypeShaperExpression(derived, shaper.ValueBufferExpression, shaper.IsNullable));
    }
    protected override ShapedQueryExpression? TranslateReverse(ShapedQueryExpression source) => Cannot(nameof(Queryable.Reverse));
    protected override ShapedQueryExpression? TranslateSelectMany(ShapedQueryExpression source, LambdaExpression collectionSelector, LambdaExpression resultSelector) => Cannot(nameof(Queryable.SelectMany));
    protected override ShapedQueryExpression? TranslateSelectMany(ShapedQueryExpression source, LambdaExpression selector) => Cannot(nameof(Queryable.SelectMany));
    protected override ShapedQueryExpression? TranslateSkipWhile(ShapedQueryExpression source, LambdaExpression predicate) => Cannot(nameof(Queryable.SkipWhile));
    protected override ShapedQueryExpression? TranslateSum(ShapedQueryExpression source, LambdaExpression? selector, Type resultType)
        => TranslateValueAggregate(source, selector, resultType, nameof(Queryable.Sum));
    protected override ShapedQueryExpression? TranslateTakeWhile(ShapedQueryExpression source, LambdaExpression predicate) => Cannot(nameof(Queryable.TakeWhile));
    protected override ShapedQueryExpression? TranslateUnion(ShapedQueryExpression source1, ShapedQueryExpression source2) => Cannot(nameof(Queryable.Union));

    private ShapedQueryExpression? TranslateSingleResult(ShapedQueryExpression source, LambdaExpression? predicate, int limit, bool returnDefault)
    {
        if (predicate != null && TranslateWhere(source, predicate) == null)
        {
            return null;
        }

        ((DynamoDbQueryExpression)source.QueryExpression).ApplyTake(Expression.Constant(limit));
        return source.UpdateResultCardinality(returnDefault ? ResultCardinality.SingleOrDefault : ResultCardinality.Single);
    }

    protected override Expression? TranslateExecuteDelete(ShapedQueryExpression source)
    {
        if (((DynamoDbQueryExpression)source.QueryExpression) is not { PartiQL: null, Aggregate: DynamoDbAggregate.None } query)
        {
            return Unsupported(DynamoDbStrings.OperatorNotSupported("ExecuteDelete"));
        }

        // DynamoDB has no foreign keys to cascade: SaveChanges finds and deletes the dependents, ExecuteDelete cannot.
        var cascading = query.EntityType.GetReferencingForeignKeys()
            .Concat(query.EntityType.GetDerivedTypes().SelectMany(t => t.GetDeclaredReferencingForeignKeys()))
            .FirstOrDefault(fk => !fk.IsOwnership && fk.DeleteBehavior is DeleteBehavior.Cascade or DeleteBehavior.SetNull);
        return cascading == null
            ? new DynamoDbNonQueryExpression(query, null)
            : Unsupported(DynamoDbStrings.ExecuteDeleteOfPrincipal(
                query.EntityType.DisplayName(), EFCore.DynamoDb.Update.DynamoDbUnloadedDependentFinder.Describe(cascading), cascading.DeleteBehavior.ToString()));
    }

    protected override Expression? TranslateExecuteUpdate(ShapedQueryExpression source, IReadOnlyList<ExecuteUpdateSetter> setters)
    {
        var query = (DynamoDbQueryExpression)source.QueryExpression;
        var translated = new List<DynamoDbUpdateSetter>();
        foreach (var setter in setters)
        {
            if (TranslateSetter(source, setter) is not { } update)
            {
                return Unsupported(DynamoDbStrings.UnsupportedSetter(DynamoDbExpressionText.Print(setter.PropertySelector) + " = " + DynamoDbExpressionText.Print(setter.ValueExpression)));
            }

            translated.Add(update);
        }

        if (query.EntityType.GetProperties().FirstOrDefault(EFCore.DynamoDb.Update.DynamoDbRowVersion.IsRowVersion) is { } version
            && translated.All(s => s.Property != version))
        {
            // A stale copy of an updated item must fail its next save: the version moves on with every write.
            translated.Add(version.ClrType == typeof(byte[])
                ? new DynamoDbUpdateSetter(version, DynamoDbValueOperand.Of(version, Expression.Call(NewBinaryVersionMethod)), DynamoDbUpdateSetterKind.Assign)
                : new DynamoDbUpdateSetter(version, DynamoDbValueOperand.Of(version, Expression.Constant(1)), DynamoDbUpdateSetterKind.Add));
        }

        return query.PartiQL == null ? new DynamoDbNonQueryExpression(query, translated) : Unsupported(DynamoDbStrings.PartiQLComposition("ExecuteUpdate"));
    }

    private static readonly System.Reflection.MethodInfo NewBinaryVersionMethod
        = typeof(EFCore.DynamoDb.Update.DynamoDbRowVersion).GetMethod(nameof(EFCore.DynamoDb.Update.DynamoDbRowVersion.NewBinary))!;

    /// <summary>
    /// Whether the property lives in a map an item may lack (an owned reference, an optional complex value): DynamoDB
    /// cannot set a member of a map that does not exist.
    /// </summary>
    private static bool IsInOptionalMap(IProperty property)
    {
        for (ITypeBase? type = property.DeclaringType; type != null;)
        {
            switch (type)
            {
                case IComplexType complexType:
                    if (complexType.ComplexProperty.IsNullable)
                    {
                        return true;
                    }

                    type = complexType.ComplexProperty.DeclaringType;
                    break;
                case IEntityType entityType when entityType.IsOwned():
                    return true;
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary><c>SET #p = :v</c>, <c>SET #p = #p ± :v</c>, or null when DynamoDB cannot express the setter.</summary>
    private static DynamoDbUpdateSetter? TranslateSetter(ShapedQueryExpression source, ExecuteUpdateSetter setter)
    {
        if (DynamoDbAttributeBinder.FindProperty(RemapLambdaBody(source, setter.PropertySelector)) is not { } property
            || property.IsPrimaryKey()
            || IsInOptionalMap(property))
        {
            return null;
        }

        var value = setter.ValueExpression is LambdaExpression lambda ? RemapLambdaBody(source, lambda) : setter.ValueExpression;
        if (DynamoDbClientValue.AsValue(value) is { } plain)
        {
            return new DynamoDbUpdateSetter(property, DynamoDbValueOperand.Of(property, plain), DynamoDbUpdateSetterKind.Assign);
        }

        var unwrapped = value is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : value;
        if (TranslateCollectionSetter(property, unwrapped) is { } collectionSetter)
        {
            return collectionSetter;
        }

        return unwrapped is BinaryExpression { NodeType: ExpressionType.Add or ExpressionType.Subtract or ExpressionType.AddChecked or ExpressionType.SubtractChecked } binary
            && DynamoDbAttributeBinder.FindProperty(binary.Left) == property
            && DynamoDbClientValue.AsValue(binary.Right) is { } amount
                ? new DynamoDbUpdateSetter(
                    property,
                    DynamoDbValueOperand.Of(property, amount),
                    binary.NodeType is ExpressionType.Add or ExpressionType.AddChecked ? DynamoDbUpdateSetterKind.Add : DynamoDbUpdateSetterKind.Subtract)
                : null;
    }

    /// <summary>
    /// <c>x.Set.Union(v)</c> → <c>ADD</c>, <c>x.Set.Except(v)</c> → <c>DELETE</c>, <c>x.List.Concat(v)</c> → <c>list_append</c>,
    /// each optionally followed by <c>ToList()</c>, <c>ToArray()</c> or <c>ToHashSet()</c>.
    /// </summary>
    private static DynamoDbUpdateSetter? TranslateCollectionSetter(IProperty property, Expression value)
    {
        if (value is MethodCallExpression { Method.Name: nameof(Enumerable.ToList) or nameof(Enumerable.ToArray) or nameof(Enumerable.ToHashSet), Arguments: [var inner] } materialize
            && materialize.Method.DeclaringType == typeof(Enumerable))
        {
            value = inner;
        }

        if (value is not MethodCallExpression { Arguments: [var source, var argument] } call
            || call.Method.DeclaringType != typeof(Enumerable)
            || DynamoDbAttributeBinder.FindProperty(source) != property
            || DynamoDbClientValue.AsValue(argument) is not { } values)
        {
            return null;
        }

        var attributeType = ((EFCore.DynamoDb.Storage.DynamoDbTypeMapping)property.GetTypeMapping()).Codec.AttributeType;
        var isSet = attributeType is EFCore.DynamoDb.Storage.DynamoDbAttributeType.StringSet
            or EFCore.DynamoDb.Storage.DynamoDbAttributeType.NumberSet or EFCore.DynamoDb.Storage.DynamoDbAttributeType.BinarySet;
        DynamoDbUpdateSetterKind? kind = call.Method.Name switch
        {
            nameof(Enumerable.Union) when isSet => DynamoDbUpdateSetterKind.AddToSet,
            nameof(Enumerable.Except) when isSet => DynamoDbUpdateSetterKind.RemoveFromSet,
            nameof(Enumerable.Concat) when attributeType == EFCore.DynamoDb.Storage.DynamoDbAttributeType.List => DynamoDbUpdateSetterKind.AppendToList,
            _ => null,
        };
        return kind == null ? null : new DynamoDbUpdateSetter(property, DynamoDbValueOperand.Of(property, values), kind.Value);
    }

    /// <summary>A value computed from the count of matching items: the query counts instead of reading.</summary>
    private ShapedQueryExpression? TranslateAggregate(ShapedQueryExpression source, LambdaExpression? predicate, DynamoDbAggregate aggregate, Type resultType)
    {
        if (predicate != null && TranslateWhere(source, predicate) == null)
        {
            return null;
        }

        var query = (DynamoDbQueryExpression)source.QueryExpression;
        if (query.PartiQL != null)
        {
            return Unsupported(DynamoDbStrings.PartiQLComposition(aggregate.ToString()));
        }

        query.ApplyAggregate(aggregate);
        return source
            .UpdateShaperExpression(new ProjectionBindingExpression(query, new ProjectionMember(), resultType))
            .UpdateResultCardinality(ResultCardinality.Single);
    }

    /// <summary>
    /// <c>Sum</c>/<c>Min</c>/<c>Max</c>/<c>Average</c>: the query reads the one attribute the selector projects
    /// (<c>ProjectionExpression</c>) and combines the values with LINQ's own operator as pages arrive, so results,
    /// overflow and empty-sequence behaviour are exactly LINQ's. A scan is governed as for any query.
    /// </summary>
    private ShapedQueryExpression? TranslateValueAggregate(ShapedQueryExpression source, LambdaExpression? selector, Type resultType, string method)
    {
        var query = (DynamoDbQueryExpression)source.QueryExpression;
        if (query.PartiQL != null)
        {
            return Unsupported(DynamoDbStrings.PartiQLComposition(method));
        }

        if (selector != null)
        {
            source = TranslateSelect(source, selector);
        }

        if (DynamoDbExpressionSearch.Any(source.ShaperExpression, e => e is StructuralTypeShaperExpression))
        {
            return Cannot(method);
        }

        query.ApplyClientAggregate(method, source.ShaperExpression);
        return source
            .UpdateShaperExpression(new ProjectionBindingExpression(query, new ProjectionMember(), resultType))
            .UpdateResultCardinality(ResultCardinality.Single);
    }

    /// <summary>The sort keys DynamoDB can order by: the table's and those of its secondary indexes.</summary>
    public static IEnumerable<IProperty> SortKeys(IEntityType entityType)
        => new[] { entityType.FindPrimaryKey()!.Properties }
            .Concat(entityType.GetIndexes().Where(i => i.GetSecondaryIndexName() != null).Select(i => i.Properties))
            .Where(key => key.Count > 1)
            .Select(key => key[1]);

    private static Expression RemapLambdaBody(ShapedQueryExpression source, LambdaExpression lambda)
        => ReplacingExpressionVisitor.Replace(lambda.Parameters[0], source.ShaperExpression, lambda.Body);

    private ShapedQueryExpression? Cannot(string method) => Unsupported(DynamoDbStrings.OperatorNotSupported(method));

    private ShapedQueryExpression? Unsupported(string details)
    {
        AddTranslationErrorDetails(details);
        return null;
    }
}
