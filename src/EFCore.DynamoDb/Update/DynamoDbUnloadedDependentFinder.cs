using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Infrastructure;
using EFCore.DynamoDb.Metadata;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query;
using EFCore.DynamoDb.Query.Internal;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore;
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
/// key or index (keys only, consistently where the table is read) and deleted, and theirs in turn; under
/// <see cref="DeleteBehavior.SetNull"/> their foreign key is removed. A dependent reached through several
/// relationships gets one write (a delete wins over removing foreign keys), conditioned on each foreign key still
/// naming its principal. Tracked dependents are EF Core's to handle and are left alone.
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
        var counts = new Dictionary<IForeignKey, int>();
        var level = entries
            .Where(e => e.EntityState == EntityState.Deleted && ActedOn(e.EntityType).Any())
            .Select(e => new Principal(e, e.EntityType, StoredKeys(e)))
            .ToList();
        if (level.Count == 0)
        {
            return ([], counts);
        }

        var queryContext = (DynamoDbQueryContext)queryContextFactory.Create();
        var skipped = TrackedItems();
        skipped.UnionWith(commands.Select(c => c.KeyIdentity));
        var writes = new Dictionary<string, DependentWrite>();
        while (level.Count > 0)
        {
            var next = new List<Principal>();
            foreach (var foreignKey in level.SelectMany(p => ActedOn(p.Type)).Distinct())
            {
                var principals = level.Where(p => p.Type.GetRootType() == foreignKey.PrincipalEntityType.GetRootType()
                    && TypeTestOf(foreignKey.PrincipalEntityType).Matches(p.Item)).ToList();
                var reader = ReaderOf(foreignKey);
                reader.CheckCanRead(settings);
                var dependents = await reader.ReadAsync(queryContext, principals.Select(p => p.Item), cancellationToken).ConfigureAwait(false);
                var dependentType = foreignKey.DeclaringEntityType;
                var table = settings.ResolveTableName(dependentType.GetTableName()!);
                var keyNames = dependentType.FindPrimaryKey()!.Properties.Select(p => p.GetAttributeName()).ToList();
                foreach (var principal in principals)
                {
                    if (reader.Key.SourceIdentity(principal.Item) is not { } identity || !dependents.TryGetValue(identity, out var items))
                    {
                        continue;
                    }

                    foreach (var item in items)
                    {
                        var key = keyNames.ToDictionary(n => n, n => item[n]);
                        var itemIdentity = DynamoDbKeyIdentity.Of(table, key);
                        if (skipped.Contains(itemIdentity))
                        {
                            continue;
                        }

                        if (!writes.TryGetValue(itemIdentity, out var write))
                        {
                            writes[itemIdentity] = write = new DependentWrite(principal.Blame, table, key);
                        }

                        var wasDeleted = write.Deletes;
                        write.Conditions.Add((foreignKey, principal.Item));
                        counts[foreignKey] = counts.GetValueOrDefault(foreignKey) + 1;
                        if (!wasDeleted && write.Deletes)
                        {
                            next.Add(new Principal(principal.Blame, dependentType, item));
                        }
                    }
                }
            }

            level = next;
        }

        return (writes.Values.Select(w => w.ToCommand()).ToList(), counts);
    }

    /// <summary>A deleted entity, or an unloaded dependent deleted with it, whose own dependents are acted on.</summary>
    private sealed record Principal(IUpdateEntry Blame, IEntityType Type, Dictionary<string, AttributeValue> Item);

    /// <summary>
    /// The write of one unloaded dependent: a delete if a cascading relationship reached it, else the removal of the
    /// foreign keys of the set-null relationships that did; conditioned on every one of them.
    /// </summary>
    private sealed class DependentWrite(IUpdateEntry blame, string table, Dictionary<string, AttributeValue> key)
    {
        public List<(IForeignKey ForeignKey, Dictionary<string, AttributeValue> Principal)> Conditions { get; } = [];

        public bool Deletes => Conditions.Any(c => c.ForeignKey.DeleteBehavior == DeleteBehavior.Cascade);

        public DynamoDbWriteCommand ToCommand()
        {
            var writer = new DynamoDbExpressionWriter();
            var update = new DynamoDbUpdateExpressionBuilder(writer);
            var conditions = new List<string>();
            foreach (var (foreignKey, principal) in Conditions)
            {
                for (var i = 0; i < foreignKey.Properties.Count; i++)
                {
                    var name = writer.Name(foreignKey.Properties[i].GetAttributeName());
                    conditions.Add($"{name} = {writer.Value(principal[foreignKey.PrincipalKey.Properties[i].GetAttributeName()])}");
                    update.Remove(name);
                }
            }

            var write = new DynamoDbItemWrite
            {
                Kind = Deletes ? DynamoDbItemWriteKind.Delete : DynamoDbItemWriteKind.Update,
                TableName = table,
                Key = key,
                UpdateExpression = Deletes ? null : update.Build(),
                ConditionExpression = string.Join(" AND ", conditions),
                Names = writer.Names,
                Values = writer.Values,
                Size = DynamoDbItemSize.Of(key),
            };

            // Never in a BatchWriteItem, which would drop the condition.
            return new DynamoDbWriteCommand(blame, write, [], canBatch: false);
        }
    }

    /// <summary>
    /// The relationships whose unloaded dependents a delete of <paramref name="principal"/> acts on: those of the type,
    /// its base types and, for dependents whose exact type is known only from their items, its derived types.
    /// </summary>
    private static IEnumerable<IForeignKey> ActedOn(IEntityType principal)
        => principal.GetReferencingForeignKeys()
            .Concat(principal.GetDerivedTypes().SelectMany(t => t.GetDeclaredReferencingForeignKeys()))
            .Where(fk => !fk.IsOwnership && fk.DeleteBehavior is DeleteBehavior.Cascade or DeleteBehavior.SetNull);

    /// <summary>Describes a relationship for messages: <c>Blog.Posts</c>.</summary>
    public static string Describe(IForeignKey foreignKey)
        => foreignKey.PrincipalEntityType.DisplayName() + "." + (foreignKey.PrincipalToDependent?.Name ?? foreignKey.DeclaringEntityType.DisplayName());

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

        if (entry.EntityType.FindDiscriminatorProperty() is { } discriminator)
        {
            item[discriminator.GetAttributeName()] = ((DynamoDbTypeMapping)discriminator.GetTypeMapping()).ToAttributeValue(entry.EntityType.GetDiscriminatorValue())!;
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
                identities.Add(DynamoDbKeyIdentity.Of(settings.ResolveTableName(entry.EntityType.GetTableName()!), attributes));
            }
        }

        return identities;
    }

    private static DynamoDbItemTypeTest TypeTestOf(IEntityType entityType)
        => entityType.GetOrAddRuntimeAnnotationValue(DynamoDbAnnotationNames.ItemTypeTest, static t => new DynamoDbItemTypeTest(t!), entityType);

    /// <summary>The reader of a relationship's dependents, keys only; built once per foreign key.</summary>
    private DynamoDbRelatedItemReader ReaderOf(IForeignKey foreignKey)
        => foreignKey.GetOrAddRuntimeAnnotationValue(
            DynamoDbAnnotationNames.DependentKeysReader,
            static state => DynamoDbRelatedItemReader.Create(
                state.ForeignKey,
                fromPrincipal: true,
                Describe(state.ForeignKey),
                new DynamoDbReadOptions(DynamoDbStrings.CascadeDescription(state.ForeignKey.PrincipalEntityType.DisplayName(), state.ForeignKey.DeclaringEntityType.DisplayName()))
                {
                    ConsistentRead = true,
                },
                state.TypeMappings,
                projection: KeyProjection(state.ForeignKey.DeclaringEntityType)),
            (ForeignKey: foreignKey, TypeMappings: typeMappings));

    /// <summary>
    /// What finding a dependent needs: its key, its foreign keys, its type, and the keys its own dependents refer to.
    /// </summary>
    private static IReadOnlyList<IProperty> KeyProjection(IEntityType dependentType)
        => dependentType.FindPrimaryKey()!.Properties
            .Concat(dependentType.GetForeignKeys().SelectMany(fk => fk.Properties))
            .Concat(ActedOn(dependentType).SelectMany(fk => fk.PrincipalKey.Properties))
            .Concat(dependentType.FindDiscriminatorProperty() is { } discriminator ? [discriminator] : [])
            .Distinct()
            .ToList();
}
