using System.Linq.Expressions;
using System.Reflection;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;
using ExpressionExtensions = Microsoft.EntityFrameworkCore.Infrastructure.ExpressionExtensions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Rewrites EF Core's injected materializer so that it reads each property straight from the item
/// (<c>Dictionary&lt;string, AttributeValue&gt;</c>) with the property's typed codec and converter, instead of from a value buffer.
/// </summary>
/// <remarks>
/// Owned entities are materialized from a value buffer the provider fills from their map: for them,
/// <paramref name="readScalarsFromItem"/> is false and only complex collections are read from the item here.
/// </remarks>
internal sealed class DynamoDbItemReadingExpressionVisitor(ParameterExpression item, bool readScalarsFromItem = true) : ExpressionVisitor
{
    private static readonly MethodInfo FindAttributeMethod
        = typeof(DynamoDbItemReadingExpressionVisitor).GetMethod(nameof(FindAttribute))!;

    protected override Expression VisitNew(NewExpression node)
        => readScalarsFromItem && node.Type == typeof(MaterializationContext)
            ? node.Update([Expression.Constant(ValueBuffer.Empty), Visit(node.Arguments[1])])
            : base.VisitNew(node);

    private static readonly MethodInfo ReadComplexCollectionMethod
        = typeof(DynamoDbComplexCollectionReader).GetMethod(nameof(DynamoDbComplexCollectionReader.Read))!;

    protected override Expression VisitExtension(Expression node)
        => node switch
        {
            DynamoDbAttributeReadExpression read => CreateReadExpression(item, read.Property, read.Type),
            DynamoDbComplexCollectionReadExpression collection => CreateReadExpression(collection),
            _ => base.VisitExtension(node),
        };

    /// <summary>Reads a complex collection: its list of maps, each map materialized by the element's own materializer.</summary>
    private Expression CreateReadExpression(DynamoDbComplexCollectionReadExpression collection)
    {
        var complexProperty = collection.ComplexProperty;
        var elementType = complexProperty.ComplexType.ClrType;
        var element = Expression.Parameter(typeof(Dictionary<string, AttributeValue>), "element");
        var materializeElement = Expression.Lambda(
            typeof(Func<,,>).MakeGenericType(typeof(MaterializationContext), element.Type, elementType),
            new DynamoDbItemReadingExpressionVisitor(element).Visit(collection.ElementMaterializer),
            collection.ElementContext,
            element);
        return Expression.Convert(
            Expression.Call(
                ReadComplexCollectionMethod.MakeGenericMethod(elementType),
                Expression.Call(FindAttributeMethod, item, Expression.Constant(complexProperty.GetDocumentPath().ToArray())),
                Expression.Property(collection.MaterializationContext, nameof(MaterializationContext.Context)),
                Expression.Constant(materializeElement.Compile(), materializeElement.Type), // once, not per item read
                Expression.Constant(complexProperty.ClrType, typeof(Type)),
                Expression.Constant(complexProperty.IsNullable)),
            complexProperty.ClrType);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (readScalarsFromItem
            && node.Method.IsGenericMethod
            && node.Method.GetGenericMethodDefinition() == ExpressionExtensions.ValueBufferTryReadValueMethod)
        {
            return CreateReadExpression(item, (IProperty)ConstantValue(node.Arguments[2])!, node.Type);
        }

        return base.VisitMethodCall(node);
    }

    /// <summary>
    /// Reads a property from an item: the default of <paramref name="type"/> when the attribute is absent or NULL.
    /// </summary>
    public static Expression CreateReadExpression(Expression item, IProperty property, Type type)
    {
        var attribute = Expression.Variable(typeof(AttributeValue), "attribute");
        var mapping = (DynamoDbTypeMapping)property.GetTypeMapping();
        return Expression.Block(
            [attribute],
            Expression.Assign(attribute, Expression.Call(FindAttributeMethod, item, Expression.Constant(property.GetAttributePath().ToArray()))),
            Expression.Condition(
                Expression.Equal(attribute, Expression.Constant(null, typeof(AttributeValue))),
                mapping.Codec.CreateEmptyExpression() is { } empty ? Expression.Convert(empty, type) : Expression.Default(type),
                mapping.CreateReadExpression(attribute, type)));
    }

    /// <summary>The attribute at a document path (a name, or maps then a name); null when absent or NULL.</summary>
    public static AttributeValue? FindAttribute(Dictionary<string, AttributeValue> item, string[] path)
    {
        var map = item;
        for (var i = 0; ; i++)
        {
            if (!map.TryGetValue(path[i], out var value) || value.NULL == true)
            {
                return null;
            }

            if (i == path.Length - 1)
            {
                return value;
            }

            map = value.M;
            if (map == null)
            {
                return null;
            }
        }
    }

    private static object? ConstantValue(Expression expression)
        => expression switch
        {
            ConstantExpression constant => constant.Value,
            LiftableConstantExpression liftable => ConstantValue(liftable.OriginalExpression),
            _ => throw new InvalidOperationException(expression.ToString()),
        };
}
