using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace EFCore.DynamoDb.Metadata.Conventions;

/// <summary>Applies <see cref="PartitionKeyAttribute"/>: the property becomes the partition key.</summary>
internal sealed class PartitionKeyAttributeConvention(ProviderConventionSetBuilderDependencies dependencies)
    : PropertyAttributeConventionBase<PartitionKeyAttribute>(dependencies)
{
    protected override void ProcessPropertyAdded(
        IConventionPropertyBuilder propertyBuilder,
        PartitionKeyAttribute attribute,
        MemberInfo clrMember,
        IConventionContext context)
    {
        if (propertyBuilder.Metadata.DeclaringType is IConventionEntityType entityType)
        {
            entityType.Builder.HasPartitionKey(propertyBuilder.Metadata.Name, fromDataAnnotation: true);
        }
    }
}
