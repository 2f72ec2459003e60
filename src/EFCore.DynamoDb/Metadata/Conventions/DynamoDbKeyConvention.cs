using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace EFCore.DynamoDb.Metadata.Conventions;

/// <summary>
/// Makes a configured partition key (and sort key) EF Core's primary key, partition key first. A key that
/// contradicts an explicitly configured <c>HasKey</c> is left for the model validator to report.
/// </summary>
internal sealed class DynamoDbKeyConvention : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes().Where(e => e.BaseType == null && !e.IsOwned()))
        {
            if (entityType.FindAnnotation(DynamoDbAnnotationNames.PartitionKey) == null
                && entityType.FindAnnotation(DynamoDbAnnotationNames.SortKey) == null)
            {
                continue;
            }

            var partitionKey = entityType.GetPartitionKeyPropertyName();
            if (partitionKey == null)
            {
                continue;
            }

            var sortKey = entityType[DynamoDbAnnotationNames.SortKey] as string;
            string[] keyNames = sortKey == null ? [partitionKey] : [partitionKey, sortKey];
            var current = entityType.FindPrimaryKey()?.Properties.Select(p => p.Name);
            if (current == null || !current.SequenceEqual(keyNames))
            {
                entityType.Builder.PrimaryKey(keyNames, fromDataAnnotation: true);
            }
        }
    }
}
