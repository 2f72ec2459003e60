using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace EFCore.DynamoDb.Metadata.Conventions;

/// <summary>
/// Names each table after the context's <c>DbSet</c> property for its entity type, when there is exactly one; else
/// after the type, with the characters DynamoDB table names cannot hold replaced.
/// </summary>
internal sealed partial class DynamoDbTableNameConvention(ProviderConventionSetBuilderDependencies dependencies) : IModelFinalizingConvention
{
    [System.Text.RegularExpressions.GeneratedRegex("[^A-Za-z0-9_.-]+")]
    private static partial System.Text.RegularExpressions.Regex InvalidCharactersRegex();

    private static readonly System.Text.RegularExpressions.Regex InvalidCharacters = InvalidCharactersRegex();

    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        var setNames = dependencies.SetFinder.FindSets(dependencies.ContextType)
            .GroupBy(s => s.Type)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Name);

        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes()
                     .Where(e => e.BaseType == null && !e.IsOwned() && !e.HasSharedClrType))
        {
            if (entityType.GetTableNameConfigurationSource() != null)
            {
                continue;
            }

            if (setNames.TryGetValue(entityType.ClrType, out var setName))
            {
                entityType.Builder.ToTable(setName);
            }
            else if (entityType.GetTableName() is { } name && InvalidCharacters.IsMatch(name))
            {
                // A generic type's name (Box<Item>) holds characters DynamoDB table names cannot: Box_Item.
                entityType.Builder.ToTable(InvalidCharacters.Replace(name, "_").Trim('_'));
            }
        }
    }
}
