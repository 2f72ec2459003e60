using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace EFCore.DynamoDb.Metadata.Conventions;

/// <summary>
/// Applies a key attribute (<c>[PartitionKey]</c> or <c>[SortKey]</c>) on a property to its entity type,
/// with data-annotation precedence.
/// </summary>
internal sealed class KeyAttributeConvention<TAttribute>(
    ProviderConventionSetBuilderDependencies dependencies,
    Func<IConventionEntityTypeBuilder, string, IConventionEntityTypeBuilder?> applyFromDataAnnotation)
    : PropertyAttributeConventionBase<TAttribute>(dependencies)
    where TAttribute : Attribute
{
    protected override void ProcessPropertyAdded(
        IConventionPropertyBuilder propertyBuilder,
        TAttribute attribute,
        MemberInfo clrMember,
        IConventionContext context)
    {
        if (propertyBuilder.Metadata.DeclaringType is IConventionEntityType entityType)
        {
            applyFromDataAnnotation(entityType.Builder, propertyBuilder.Metadata.Name);
        }
    }
}
