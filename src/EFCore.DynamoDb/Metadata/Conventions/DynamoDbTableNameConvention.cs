using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace EFCore.DynamoDb.Metadata.Conventions;

/// <summary>Names each table after the context's <c>DbSet</c> property for its entity type, when there is exactly one.</summary>
internal sealed class DynamoDbTableNameConvention(ProviderConventionSetBuilderDependencies dependencies) : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        var setNames = dependencies.SetFinder.FindSets(dependencies.ContextType)
            .GroupBy(s => s.Type)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Name);

        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes()
                     .Where(e => e.BaseType == null && !e.IsOwned() && !e.HasSharedClrType))
        {
            if (entityType.GetTableNameConfigurationSource() == null
                && setNames.TryGetValue(entityType.ClrType, out var setName))
            {
                entityType.Builder.ToTable(setName);
            }
        }
    }
}
