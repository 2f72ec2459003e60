using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace EFCore.DynamoDb.Metadata.Conventions;

/// <summary>
/// Gives every entity type that shares its table (with other entity types, or with its own derived types) a
/// discriminator: a string stored in the <c>$type</c> attribute, whose value is the entity type's short name unless
/// configured with EF Core's <c>HasDiscriminator</c>. Queries filter on it, so one type never returns another's items.
/// </summary>
internal sealed class DynamoDbDiscriminatorConvention : IModelFinalizingConvention
{
    public const string DefaultPropertyName = "Discriminator";
    public const string DefaultAttributeName = "$type";

    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        var roots = modelBuilder.Metadata.GetEntityTypes().Where(e => e.BaseType == null && !e.IsOwned()).ToList();
        foreach (var table in roots.GroupBy(e => e.GetTableName()))
        {
            var shared = table.Count() > 1;
            foreach (var root in table.Where(r => shared || r.GetDerivedTypes().Any()))
            {
                if (root.FindDiscriminatorProperty() == null)
                {
                    root.Builder.HasDiscriminator(DefaultPropertyName, typeof(string));
                }

                var discriminator = root.FindDiscriminatorProperty();
                if (discriminator is { Name: DefaultPropertyName } && discriminator.GetAttributeNameConfigurationSource() == null)
                {
                    discriminator.Builder.HasAttributeName(DefaultAttributeName);
                }

                foreach (var entityType in root.GetDerivedTypesInclusive().Where(t => t.GetDiscriminatorValue() == null))
                {
                    entityType.Builder.HasDiscriminator()?.HasValue(entityType, entityType.ShortName());
                }
            }
        }
    }
}
