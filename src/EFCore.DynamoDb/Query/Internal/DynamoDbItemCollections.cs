using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// Item collections: principals and their dependents in one table, the dependents' partition key being the foreign
/// key to the principal's partition key (a forum item and its topics under one <c>pk</c>). A query that reads whole
/// partitions of the principals returns the dependents in the same request once its type filter admits them; the
/// items are then told apart by their discriminator. This single request is why experts put related items in one partition.
/// </summary>
internal static class DynamoDbItemCollections
{
    /// <summary>Whether the main read returns the dependents of <paramref name="include"/> along with its principals.</summary>
    public static bool CanReadWithOwners(DynamoDbReadPlan plan, DynamoDbIncludeNode include)
    {
        if (include.Navigation is not INavigation { IsOnDependent: false } navigation || include.Operators.Count > 0)
        {
            return false;
        }

        var foreignKey = navigation.ForeignKey;
        var dependentType = foreignKey.DeclaringEntityType;
        return plan is { Operation: DynamoDbReadOperation.Query, Index: null, SortKeyCondition: null, SortKeyValues: null, KeyList: null, Projection: null, PageRequest: null }
            && plan.Paging.All(p => !p.IsSkip)
            && (plan.PartitionKeyValues == null || plan.Paging.Count == 0)
            && plan.Filter is DynamoDbInFilter { Values: ConstantExpression } typeFilter
            && typeFilter.Property == plan.EntityType.FindDiscriminatorProperty()
            && dependentType.GetTableName() == plan.TableName
            && foreignKey.Properties.SequenceEqual([dependentType.FindPrimaryKey()!.Properties[0]])
            && foreignKey.PrincipalKey.Properties.SequenceEqual([foreignKey.PrincipalEntityType.FindPrimaryKey()!.Properties[0]]);
    }

    /// <summary>
    /// The main read with its type filter widened to the dependent types read with it. Its limits (<c>Take</c>, and
    /// those of <c>First</c> and <c>Single</c>) count owners, not items: they are applied to the owners read
    /// (<see cref="DynamoDbItemCollectionOwners"/>), and the read covers the partition whole.
    /// </summary>
    public static DynamoDbReadPlan Widen(DynamoDbReadPlan plan, IEnumerable<IEntityType> dependentTypes)
    {
        var typeFilter = (DynamoDbInFilter)plan.Filter!;
        var values = ((IEnumerable<object?>)((ConstantExpression)typeFilter.Values!).Value!)
            .Concat(dependentTypes.SelectMany(DynamoDbQueryExpression.DiscriminatorValues))
            .Distinct()
            .ToArray();
        return plan with { Filter = new DynamoDbInFilter(typeFilter.Property, Expression.Constant(values)), Paging = [] };
    }
}
