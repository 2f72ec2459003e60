using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace EFCore.DynamoDb.Metadata.Conventions;

/// <summary>Applies <see cref="DynamoDbTableAttribute"/> to the entity type's table name.</summary>
internal sealed class DynamoDbTableAttributeConvention(ProviderConventionSetBuilderDependencies dependencies)
    : TypeAttributeConventionBase<DynamoDbTableAttribute>(dependencies)
{
    protected override void ProcessEntityTypeAdded(
        IConventionEntityTypeBuilder entityTypeBuilder,
        DynamoDbTableAttribute attribute,
        IConventionContext<IConventionEntityTypeBuilder> context)
        => entityTypeBuilder.ToTable(attribute.Name, fromDataAnnotation: true);
}
