using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace EFCore.DynamoDb.Metadata.Conventions;

/// <summary>Applies <see cref="SortKeyAttribute"/>: the property becomes the sort key.</summary>
internal sealed class SortKeyAttributeConvention(ProviderConventionSetBuilderDependencies dependencies)
    : PropertyAttributeConventionBase<SortKeyAttribute>(dependencies)
{
    protected override void ProcessPropertyAdded(
        IConventionPropertyBuilder propertyBuilder,
        SortKeyAttribute attribute,
        MemberInfo clrMember,
        IConventionContext context)
    {
        if (propertyBuilder.Metadata.DeclaringType is IConventionEntityType entityType)
        {
            entityType.Builder.HasSortKey(propertyBuilder.Metadata.Name, fromDataAnnotation: true);
        }
    }
}
