using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Infrastructure;
using EFCore.DynamoDb.Metadata;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query;
using EFCore.DynamoDb.Query.Internal;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Internal;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.Update;

/// <summary>
/// What a relational database does for dependents that are not loaded, done by the provider since DynamoDB has no
/// foreign keys: a deleted principal's dependents under <see cref="DeleteBehavior.Cascade"/> are found through their
/// key or index (keys only) and deleted (and theirs in turn); under <see cref="DeleteBehavior.SetNull"/> their foreign
/// key is removed. Each write is conditioned on the foreign key still naming the principal. Tracked dependents are
/// EF Core's to handle and are left alone.
/// </summary>
internal sealed class DynamoDbUnloadedDependentFinder(
    IQueryContextFactory queryContextFactory,
    ICurrentDbContext currentContext,
    ITypeMappingSource typeMappings,
    DynamoDbContextSettings settings)
{
    /// <summary>The writes for the unloaded dependents of the deleted entries, with the count per relationship.</summary>
    public async Task<(List<DynamoDbWriteCommand> Commands, Dictionary<IForeignKey, int> Counts)> FindAsync(
        IList<IUpdateEntry> entries, IEnumerable<DynamoDbWriteCommand> commands, CancellationToken cancellationToken)
    {
        var found = new List<DynamoDbWriteCommand>();
        var counts = new Dictionary<IForeignKey, int>();
        var level = entries
            .Where(e => e.EntityState == EntityState.Deleted && ActedOn(e.EntityType).Any())
            .Select(e => (Blame: e, Type: e.EntityType, Item: StoredKeys(e)))
            .ToList();
        if (level.Count == 0)
        {
            return (found, counts);
        }

        var queryContext = (DynamoDbQueryContext)queryContextFactory.Create();
        var skipped = TrackedItems();
        skipped.UnionWith(commands.Select(c => c.KeyIdentity));
        while (level.Count > 0)
        {
            var next = new List<(IUpdateEntry Blame, IEntityType Type, Dictionary<string, AttributeValue> Item)>();
            foreach (var group in level.GroupBy(l => l.Type))
            {
                foreach (var foreignKey in ActedOn(group.Key))
                {
                    var reader = ReaderOf(foreignKey);
                    reader.CheckCanRead(settings);
                    var principals = group.ToList();
                    var dependents = await reader.ReadAsync(queryContext, principals.Select(p => p.Item), cancellationToken).ConfigureAwait(false);
                    foreach (var (blame, _, principal) in principals)
                    {
                        if (reader.Key.SourceIdentity(principal) is not { } identity || !dependents.TryGetValue(identity, out var items))
                        {
                            continue;
                        }

                        foreach (var item in items)
                        {
                            var dependentType = foreignKey.DeclaringEntityType;
                            var keyNames = dependentType.FindPrimaryKey()!.Properties.Select(p => p.GetAttributeName()).ToList();
                            var table = settings.ResolveTableName(dependentType.GetTableName()!);
                            if (!skipped.Add(DynamoDbKeyIdentity.Of(table, keyNames, item)))
                            {
                                continue;
                            }

                            found.Add(Write(blame, foreignKey, table, keyNames.ToDictionary(n => n, n => item[n]), principal));
                            counts[foreignKey] = counts.GetValueOrDefault(foreignKey) + 1;
                            if (foreignKey.DeleteBehavior == DeleteBehavior.Cascade)
                            {
                                next.Add((blame, dependentType, item));
                            }
                        }
                    }
                }
            }

            level = next;
        }

        return (found, counts);
    }

    /// <summary>The relationships whose unloaded dependents a delete of <paramref name="principal"/> acts on.</summary>
    private static IEnumerable<IForeignKey> ActedOn(IEntityType principal)
        => principal.GetReferencingForeignKeys()
            .Where(fk => !fk.IsOwnership && fk.DeleteBehavior is DeleteBehavior.Cascade or DeleteBehavior.SetNull);

    /// <summary>The stored key attributes of a deleted entry (its original values), those its dependents refer to included.</summary>
    private static Dictionary<string, AttributeValue> StoredKeys(IUpdateEntry entry)
    {
        var item = new Dictionary<string, AttributeValue>();
        foreach (var property in ActedOn(entry.EntityType).SelectMany(fk => fk.PrincipalKey.Properties).Distinct())
        {
            if (((DynamoDbTypeMapping)property.GetTypeMapping()).ToAttributeValue(entry.GetOriginalValue(property)) is { } value)
            {
                item[property.GetAttributeName()] = value;
            }
        }

        return item;
    }

    /// <summary>The items of every tracked entity: EF Core saves or cascades those itself.</summary>
    private HashSet<string> TrackedItems()
    {
        var identities = new HashSet<string>();
        var stateManager = ((IDbContextDependencies)currentContext.Context).StateManager;
        foreach (var entry in stateManager.Entries.Where(e => !e.EntityType.IsOwned()))
        {
            var key = entry.EntityType.FindPrimaryKey()!.Properties;
            var attributes = new Dictionary<string, AttributeValue>(key.Count);
            foreach (var property in key)
            {
                if (((DynamoDbTypeMapping)property.GetTypeMapping()).ToAttributeValue(entry.GetOriginalValue(property)) is not { } value)
                {
                    break;
                }

                attributes[property.GetAttributeName()] = value;
            }

            if (attributes.Count == key.Count)
            {
                identities.Add(DynamoDbKeyIdentity.Of(settings.ResolveTableName(entry.EntityType.GetTableName()!), key.Select(p => p.GetAttributeName()), attributes));
            }
        }

        return identities;
    }

    /// <summary>
    /// The delete (cascade) or foreign-key removal (set null) of one dependent item, conditioned on its foreign key
    /// still naming the principal, so that a dependent moved to another principal meanwhile is not touched.
    /// </summary>
    private static DynamoDbWriteCommand Write(
        IUpdateEntry blame, IForeignKey foreignKey, string table, Dictionary<string, AttributeValue> key, Dictionary<string, AttributeValue> principal)
    {
        var names = new Dictionary<string, string>();
        var values = new Dictionary<string, AttributeValue>();
        for (var i = 0; i < foreignKey.Properties.Count; i++)
        {
            names[$"#f{i}"] = foreignKey.Properties[i].GetAttributeName();
            values[$":f{i}"] = principal[foreignKey.PrincipalKey.Properties[i].GetAttributeName()];
        }

        var condition = string.Join(" AND ", names.Keys.Select((name, i) => $"{name} = :f{i}"));
        AmazonDynamoDBRequest request = foreignKey.DeleteBehavior == DeleteBehavior.Cascade
            ? new DeleteItemRequest
            {
                TableName = table, Key = key, ConditionExpression = condition, ExpressionAttributeNames = names,
                ExpressionAttributeValues = values, ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
            }
            : new UpdateItemRequest
            {
                TableName = table, Key = key, UpdateExpression = "REMOVE " + string.Join(", ", names.Keys), ConditionExpression = condition,
                ExpressionAttributeNames = names, ExpressionAttributeValues = values, ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
            };
        return new DynamoDbWriteCommand(blame, request, [], key, canBatch: request is DeleteItemRequest);
    }

    /// <summary>The reader of a relationship's dependents, keys only; built once per foreign key.</summary>
    private DynamoDbRelatedItemReader ReaderOf(IForeignKey foreignKey)
        => foreignKey.GetOrAddRuntimeAnnotationValue(
            DynamoDbAnnotationNames.DependentKeysReader,
            static state => DynamoDbRelatedItemReader.Create(
                state.ForeignKey,
                fromPrincipal: true,
                state.ForeignKey.PrincipalEntityType.DisplayName() + "." + (state.ForeignKey.PrincipalToDependent?.Name ?? state.ForeignKey.DeclaringEntityType.DisplayName()),
                new DynamoDbReadOptions(DynamoDbStrings.CascadeDescription(state.ForeignKey.PrincipalEntityType.DisplayName(), state.ForeignKey.DeclaringEntityType.DisplayName())),
                state.TypeMappings,
                projection: KeyProjection(state.ForeignKey.DeclaringEntityType)),
            (ForeignKey: foreignKey, TypeMappings: typeMappings));

    /// <summary>What finding a dependent needs: its key, its foreign keys, and the keys its own dependents refer to.</summary>
    private static IReadOnlyList<IProperty> KeyProjection(IEntityType dependentType)
        => dependentType.FindPrimaryKey()!.Properties
            .Concat(dependentType.GetForeignKeys().SelectMany(fk => fk.Properties))
            .Concat(ActedOn(dependentType).SelectMany(fk => fk.PrincipalKey.Properties))
            .Distinct()
            .ToList();
}
