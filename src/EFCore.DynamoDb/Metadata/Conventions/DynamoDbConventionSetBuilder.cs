using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace EFCore.DynamoDb.Metadata.Conventions;

/// <summary>EF Core's conventions plus DynamoDB's: table names, key attributes, the key schema and column defaults.</summary>
internal sealed class DynamoDbConventionSetBuilder(ProviderConventionSetBuilderDependencies dependencies)
    : ProviderConventionSetBuilder(dependencies)
{
    public override ConventionSet CreateConventionSet()
    {
        var conventionSet = base.CreateConventionSet();
        conventionSet.Add(new DynamoDbTableAttributeConvention(Dependencies));
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
