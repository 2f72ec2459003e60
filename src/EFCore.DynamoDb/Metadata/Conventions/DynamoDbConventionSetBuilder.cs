using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace EFCore.DynamoDb.Metadata.Conventions;

/// <summary>EF Core's conventions plus DynamoDB's: table and attribute names (also from <c>[Table]</c> and <c>[Column]</c>), key attributes, the key schema and column defaults.</summary>
internal sealed class DynamoDbConventionSetBuilder(ProviderConventionSetBuilderDependencies dependencies)
    : ProviderConventionSetBuilder(dependencies)
{
    public override ConventionSet CreateConventionSet()
    {
        var conventionSet = base.CreateConventionSet();
        // [Table] first, so that [DynamoDbTable] wins on a class that has both.
        conventionSet.Add(new TableAttributeConvention<System.ComponentModel.DataAnnotations.Schema.TableAttribute>(Dependencies, a => a.Name));
        conventionSet.Add(new TableAttributeConvention<DynamoDbTableAttribute>(Dependencies, a => a.Name));
        conventionSet.Add(new ColumnAttributeConvention(Dependencies));
        conventionSet.Add(new KeyAttributeConvention<PartitionKeyAttribute>(
            Dependencies, (entityType, property) => entityType.HasPartitionKey(property, fromDataAnnotation: true)));
        conventionSet.Add(new KeyAttributeConvention<SortKeyAttribute>(
            Dependencies, (entityType, property) => entityType.HasSortKey(property, fromDataAnnotation: true)));
        conventionSet.Add(new DynamoDbTableNameConvention(Dependencies));
        conventionSet.Add(new DynamoDbKeyConvention());
        conventionSet.Add(new DynamoDbDiscriminatorConvention());
        conventionSet.Add(new DynamoDbDefaultValueConvention());
        return conventionSet;
    }
}
