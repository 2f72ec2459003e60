using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// EF Core's materializer, with complex collections filled in: EF Core leaves them to the provider, and here each
/// becomes a <see cref="DynamoDbComplexCollectionReadExpression"/> that reads the list of maps of the item.
/// </summary>
internal sealed class DynamoDbStructuralTypeMaterializerSource(StructuralTypeMaterializerSourceDependencies dependencies)
    : StructuralTypeMaterializerSource(dependencies)
{
    protected override void AddInitializeExpression(
        IPropertyBase property,
        ParameterBindingInfo bindingInfo,
        Expression instanceVariable,
        MethodCallExpression getValueBufferExpression,
        List<Expression> blockExpressions,
        bool nullable)
    {
        if (property is not IComplexProperty { IsCollection: true } complexProperty)
        {
            base.AddInitializeExpression(property, bindingInfo, instanceVariable, getValueBufferExpression, blockExpressions, nullable);
            return;
        }

        var elementContext = Expression.Parameter(typeof(MaterializationContext), "elementContext");
        var element = CreateMaterializeExpression(
            new StructuralTypeMaterializerSourceParameters(
                complexProperty.ComplexType, "element", complexProperty.ComplexType.ClrType, IsNullable: false, QueryTrackingBehavior: null),
            elementContext);
        var member = complexProperty.GetMemberInfo(forMaterialization: true, forSet: true);
        blockExpressions.Add(Expression.Assign(
            Expression.MakeMemberAccess(instanceVariable, member),
            new DynamoDbComplexCollectionReadExpression(complexProperty, bindingInfo.MaterializationContextExpression, elementContext, element)));
    }
}
