using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Metadata;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.Storage;

/// <summary>
/// Provisions the model's tables: <c>EnsureCreated</c> creates each missing table with its key schema, waits
/// until it is ACTIVE (and the hi-lo counter table when the model generates hi-lo keys), and writes the <c>HasData</c>
/// seed data of the tables it created; <c>EnsureDeleted</c> deletes
/// them and waits until they are gone; <c>CanConnect</c> lists tables.
/// </summary>
internal sealed class DynamoDbDatabaseCreator(
    ICurrentDbContext currentContext,
    DynamoDbClientWrapper clientWrapper,
    IDatabase database,
    IDesignTimeModel designTimeModel,
    IUpdateAdapterFactory updateAdapterFactory,
    EFCore.DynamoDb.ValueGeneration.DynamoDbHiLoStateCache hiLoStates,
    IDiagnosticsLogger<DbLoggerCategory.Database> databaseLogger)
    : IDatabaseCreator
{
    /// <summary>How often table status is polled while waiting.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a table may take to become ACTIVE or to disappear.</summary>
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromMinutes(10);

    /// <summary>How long <c>CanConnect</c> waits for the endpoint's answer before it answers false.</summary>
    private static readonly TimeSpan CanConnectTimeout = TimeSpan.FromSeconds(3);

    public bool EnsureCreated() => DynamoDbClientWrapper.Wait(() => EnsureCreatedAsync());

    public async Task<bool> EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        var pending = new List<string>();
        var existingTables = new List<(string Name, TableDescription Description, List<IEntityType> Types)>();
        var created = new List<string>();
        foreach (var (tableName, create, types) in AllTables())
        {
            var existing = await DescribeAsync(tableName, cancellationToken).ConfigureAwait(false);
            if (existing == null)
            {
                try
                {
                    await clientWrapper.CreateTableAsync(create(), cancellationToken).ConfigureAwait(false);
                    created.Add(tableName);
                    if (types.Count == 0)
                    {
                        // A new counter table starts the sequences again: no block this process holds is still reserved.
                        hiLoStates.Reset(clientWrapper.Settings.Client, tableName);
                    }
                }
                catch (ResourceInUseException)
                {
                    // Created concurrently by someone else: wait for it like any existing table.
                }
            }

            if (!IsReady(existing))
            {
                pending.Add(tableName);
            }

            if (existing != null && types.Count > 0)
            {
                existingTables.Add((tableName, existing, types));
            }
        }

        foreach (var tableName in pending)
        {
            await WaitAsync(tableName, IsReady, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (tableName, description, types) in existingTables)
        {
            await ReconcileAsync(tableName, description, types, cancellationToken).ConfigureAwait(false);
        }

        foreach (var table in Tables())
        {
            await EnableTimeToLiveAsync(
                clientWrapper.Settings.ResolveTableName(table.Key),
                table.FirstOrDefault(t => t.GetTimeToLivePropertyName() != null) ?? table.First(),
                cancellationToken).ConfigureAwait(false);
        }

        await SeedAsync(created, cancellationToken).ConfigureAwait(false);

        // The tables of the model: a new counter table alone (an upgrade to hi-lo keys) is not a new database.
        return created.Any(table => table != CounterTableName());
    }

    /// <summary>
    /// Every table <c>EnsureCreated</c> provisions: the model's (with their entity types) and, when the model
    /// generates hi-lo keys, the counter table (no entity types).
    /// </summary>
    private IEnumerable<(string Name, Func<CreateTableRequest> Create, List<IEntityType> Types)> AllTables()
    {
        foreach (var table in Tables())
        {
            var (name, types) = (clientWrapper.Settings.ResolveTableName(table.Key), table.ToList());
            yield return (name, () => CreateTableRequest(name, types), types);
        }

        if (CounterTableName() is { } counterTable)
        {
            yield return (counterTable, () => CounterTableRequest(counterTable), []);
        }
    }

    /// <summary>
    /// Writes the model's <c>HasData</c> seed data into the tables this call created (not into tables that existed),
    /// as one save: conditional inserts, in a transaction when they fit in one.
    /// </summary>
    private async Task SeedAsync(List<string> createdTables, CancellationToken cancellationToken)
    {
        if (createdTables.Count == 0)
        {
            return;
        }

        var model = designTimeModel.Model;
        var updateAdapter = updateAdapterFactory.CreateStandalone(model);
        foreach (var entityType in model.GetEntityTypes().Where(t => createdTables.Contains(clientWrapper.Settings.ResolveTableName(ItemTableName(t)))))
        {
            foreach (var seed in entityType.GetSeedData())
            {
                updateAdapter.CreateEntry(seed, entityType).EntityState = EntityState.Added;
            }
        }

        var entries = updateAdapter.GetEntriesToSave();
        if (entries.Count == 0)
        {
            return;
        }

        await database.SaveChangesAsync(entries, cancellationToken).ConfigureAwait(false);
        await AdvanceSequencesAsync(entries, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The table an entity type's items are stored in: its own, or its owner's for an owned type.</summary>
    private static string ItemTableName(IEntityType entityType) => DynamoDbOwnedKeys.ItemOwner(entityType).GetRootType().GetTableName()!;

    /// <summary>
    /// Moves each hi-lo sequence past the keys seed data set, so that generated keys never repeat them: the counter
    /// becomes the highest seeded key unless it is higher already.
    /// </summary>
    private async Task AdvanceSequencesAsync(IList<IUpdateEntry> seeded, CancellationToken cancellationToken)
    {
        var highest = seeded
            .SelectMany(e => e.EntityType.GetProperties().Where(DynamoDbHiLo.UsesHiLo).Select(p => (Sequence: DynamoDbHiLo.SequenceName(p), Value: Convert.ToDecimal(e.GetCurrentValue(p), System.Globalization.CultureInfo.InvariantCulture))))
            .GroupBy(k => k.Sequence, k => k.Value);
        foreach (var sequence in highest)
        {
            var value = new AttributeValue { N = sequence.Max().ToString(System.Globalization.CultureInfo.InvariantCulture) };
            try
            {
                await clientWrapper.UpdateItemAsync(
                    new UpdateItemRequest
                    {
                        TableName = CounterTableName(),
                        Key = new() { [DynamoDbHiLo.SequenceAttribute] = new AttributeValue { S = sequence.Key } },
                        UpdateExpression = "SET #value = :seeded",
                        ConditionExpression = "attribute_not_exists(#value) OR #value < :seeded",
                        ExpressionAttributeNames = new() { ["#value"] = DynamoDbHiLo.ValueAttribute },
                        ExpressionAttributeValues = new() { [":seeded"] = value },
                    },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (ConditionalCheckFailedException)
            {
                // Already past the seeded keys.
            }
        }
    }

    /// <summary>What <see cref="EnsureCreatedAsync"/> would create, as JSON for infrastructure as code.</summary>
    public string GenerateTableDefinitions()
        => DynamoDbTableDefinitionWriter.Write(
            AllTables().Select(t => t.Create()),
            AllTables()
                .Select(t => (Table: t.Name, Type: t.Types.FirstOrDefault(e => e.GetTimeToLivePropertyName() != null)))
                .Where(t => t.Type != null)
                .Select(t => (t.Table, t.Type!.FindProperty(t.Type.GetTimeToLivePropertyName()!)!.GetAttributeName())));

    public bool EnsureDeleted() => DynamoDbClientWrapper.Wait(() => EnsureDeletedAsync());

    public async Task<bool> EnsureDeletedAsync(CancellationToken cancellationToken = default)
    {
        var deleted = new List<string>();
        foreach (var (tableName, _, types) in AllTables())
        {
            try
            {
                await clientWrapper.DeleteTableAsync(new DeleteTableRequest { TableName = tableName }, cancellationToken).ConfigureAwait(false);
                deleted.Add(tableName);
                if (types.Count == 0)
                {
                    hiLoStates.Reset(clientWrapper.Settings.Client, tableName);
                }
            }
            catch (ResourceNotFoundException)
            {
            }
        }

        foreach (var tableName in deleted)
        {
            await WaitAsync(tableName, t => t == null, cancellationToken).ConfigureAwait(false);
        }

        return deleted.Count > 0;
    }

    public bool CanConnect() => DynamoDbClientWrapper.Wait(() => CanConnectAsync());

    public async Task<bool> CanConnectAsync(CancellationToken cancellationToken = default)
    {
        // A health probe answers within its bound even when the endpoint accepts connections and never answers.
        using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        probe.CancelAfter(CanConnectTimeout);
        try
        {
            // DescribeTable of a mapped table needs no more permissions than the app's own reads; a missing table
            // still proves the endpoint answers and accepts the credentials.
            if (Tables().FirstOrDefault() is { } table)
            {
                await DescribeAsync(clientWrapper.Settings.ResolveTableName(table.Key), probe.Token).ConfigureAwait(false);
            }
            else
            {
                await clientWrapper.ListTablesAsync(new ListTablesRequest { Limit = 1 }, probe.Token).ConfigureAwait(false);
            }

            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private IEnumerable<IGrouping<string, IEntityType>> Tables()
        => currentContext.Context.Model.GetEntityTypes()
            .Where(e => e.BaseType == null && !e.IsOwned())
            .GroupBy(e => e.GetTableName()!);

    /// <summary>The table of the hi-lo counters (with the context's prefix), when the model generates hi-lo keys.</summary>
    private string? CounterTableName()
        => DynamoDbHiLo.IsUsed(currentContext.Context.Model) ? clientWrapper.Settings.ResolveTableName(DynamoDbHiLo.CounterTableName) : null;

    /// <summary>The hi-lo counter table: one item per sequence, keyed by its name, on demand.</summary>
    private static CreateTableRequest CounterTableRequest(string tableName)
        => new()
        {
            TableName = tableName,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement(DynamoDbHiLo.SequenceAttribute, KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition(DynamoDbHiLo.SequenceAttribute, ScalarAttributeType.S)],
        };

    private static CreateTableRequest CreateTableRequest(string tableName, IReadOnlyList<IEntityType> rootTypes)
    {
        var entityType = rootTypes[0];
        var keyProperties = entityType.FindPrimaryKey()!.Properties;
        var indexes = rootTypes.SelectMany(t => t.GetDerivedTypesInclusive()).SelectMany(t => t.GetDeclaredIndexes())
            .Where(i => i.GetSecondaryIndexName() != null)
            .DistinctBy(i => i.GetSecondaryIndexName())
            .ToList();
        var global = indexes.Where(i => i.GetSecondaryIndexType() == DynamoDbSecondaryIndexType.Global)
            .Select(i => new GlobalSecondaryIndex { IndexName = i.GetSecondaryIndexName(), KeySchema = KeySchema(i.Properties), Projection = Projection(i) })
            .ToList();
        var local = indexes.Where(i => i.GetSecondaryIndexType() == DynamoDbSecondaryIndexType.Local)
            .Select(i => new LocalSecondaryIndex { IndexName = i.GetSecondaryIndexName(), KeySchema = KeySchema(i.Properties), Projection = Projection(i) })
            .ToList();
        var throughput = entityType.GetBillingMode() == DynamoDbBillingMode.Provisioned && entityType.GetProvisionedThroughput() is { } capacity
            ? new ProvisionedThroughput { ReadCapacityUnits = capacity.Read, WriteCapacityUnits = capacity.Write }
            : null;
        global.ForEach(index => index.ProvisionedThroughput = throughput);
        return new CreateTableRequest
        {
            TableName = tableName,
            BillingMode = entityType.GetBillingMode() == DynamoDbBillingMode.Provisioned ? BillingMode.PROVISIONED : BillingMode.PAY_PER_REQUEST,
            ProvisionedThroughput = throughput,
            StreamSpecification = entityType.GetStreamViewType() is { } view
                ? new StreamSpecification { StreamEnabled = true, StreamViewType = new StreamViewType(ToConstant(view)) }
                : null,
            KeySchema = KeySchema(keyProperties),
            AttributeDefinitions = keyProperties.Concat(indexes.SelectMany(i => i.Properties))
                .DistinctBy(p => p.GetAttributeName())
                .Select(p => new AttributeDefinition(
                    p.GetAttributeName(),
                    new ScalarAttributeType(((DynamoDbTypeMapping)p.GetTypeMapping()).Codec.TypeDescriptor)))
                .ToList(),
            GlobalSecondaryIndexes = global.Count > 0 ? global : null,
            LocalSecondaryIndexes = local.Count > 0 ? local : null,
        };
    }

    /// <summary>
    /// Brings an existing table closer to the model without anything destructive: adds missing global secondary
    /// indexes one at a time (as DynamoDB requires), and logs what it cannot change (key schema, local indexes).
    /// </summary>
    private async Task ReconcileAsync(string tableName, TableDescription existing, List<IEntityType> types, CancellationToken cancellationToken)
    {
        var wanted = CreateTableRequest(tableName, types);
        if (Describe(wanted.KeySchema, wanted.AttributeDefinitions) != Describe(existing.KeySchema, existing.AttributeDefinitions))
        {
            databaseLogger.TableSchemaMismatchWarning(
                tableName, "key schema", Describe(existing.KeySchema, existing.AttributeDefinitions), Describe(wanted.KeySchema, wanted.AttributeDefinitions));
        }

        var existingLocal = (existing.LocalSecondaryIndexes ?? []).Select(i => i.IndexName).ToHashSet();
        foreach (var missing in (wanted.LocalSecondaryIndexes ?? []).Where(i => !existingLocal.Contains(i.IndexName)))
        {
            databaseLogger.TableSchemaMismatchWarning(tableName, "local secondary index " + missing.IndexName, "none", "one (local indexes can only be created with the table)");
        }

        var existingGlobal = (existing.GlobalSecondaryIndexes ?? []).Select(i => i.IndexName).ToHashSet();
        foreach (var index in (wanted.GlobalSecondaryIndexes ?? []).Where(i => !existingGlobal.Contains(i.IndexName)))
        {
            var keyAttributes = index.KeySchema.Select(k => k.AttributeName).ToHashSet();
            await clientWrapper.UpdateTableAsync(
                new UpdateTableRequest
                {
                    TableName = tableName,
                    AttributeDefinitions = wanted.AttributeDefinitions.Where(a => keyAttributes.Contains(a.AttributeName)).ToList(),
                    GlobalSecondaryIndexUpdates =
                    [
                        new GlobalSecondaryIndexUpdate
                        {
                            Create = new CreateGlobalSecondaryIndexAction
                            {
                                IndexName = index.IndexName,
                                KeySchema = index.KeySchema,
                                Projection = index.Projection,
                                ProvisionedThroughput = index.ProvisionedThroughput,
                            },
                        },
                    ],
                },
                cancellationToken).ConfigureAwait(false);
            await WaitAsync(tableName, IsReady, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Describe(List<KeySchemaElement> keySchema, List<AttributeDefinition> definitions)
        => string.Join(", ", keySchema.Select(k => $"{k.AttributeName} {k.KeyType.Value} {definitions.FirstOrDefault(d => d.AttributeName == k.AttributeName)?.AttributeType.Value}"));

    private static string ToConstant(DynamoDbStreamViewType view)
        => view switch
        {
            DynamoDbStreamViewType.KeysOnly => "KEYS_ONLY",
            DynamoDbStreamViewType.NewImage => "NEW_IMAGE",
            DynamoDbStreamViewType.OldImage => "OLD_IMAGE",
            _ => "NEW_AND_OLD_IMAGES",
        };

    /// <summary>Enables time to live on a table whose model has a TTL property, unless it is enabled already.</summary>
    private async Task EnableTimeToLiveAsync(string tableName, IEntityType entityType, CancellationToken cancellationToken)
    {
        if (entityType.GetTimeToLivePropertyName() is not { } propertyName)
        {
            return;
        }

        var attributeName = entityType.FindProperty(propertyName)!.GetAttributeName();
        var current = await clientWrapper.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = tableName }, cancellationToken)
            .ConfigureAwait(false);
        if (current.TimeToLiveDescription?.AttributeName == attributeName
            && current.TimeToLiveDescription.TimeToLiveStatus is { } status
            && (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING))
        {
            return;
        }

        await clientWrapper.UpdateTimeToLiveAsync(
            new UpdateTimeToLiveRequest
            {
                TableName = tableName,
                TimeToLiveSpecification = new TimeToLiveSpecification { Enabled = true, AttributeName = attributeName },
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static List<KeySchemaElement> KeySchema(IReadOnlyList<IProperty> properties)
        => properties.Select((p, i) => new KeySchemaElement(p.GetAttributeName(), i == 0 ? KeyType.HASH : KeyType.RANGE)).ToList();

    private static Projection Projection(IIndex index)
        => index.GetProjectionType() switch
        {
            DynamoDbProjectionType.KeysOnly => new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
            DynamoDbProjectionType.Include => new Projection { ProjectionType = ProjectionType.INCLUDE, NonKeyAttributes = index.GetProjectedAttributes().ToList() },
            _ => new Projection { ProjectionType = ProjectionType.ALL },
        };

    /// <summary>Whether a table and all its global indexes are ACTIVE.</summary>
    private static bool IsReady(TableDescription? table)
        => table?.TableStatus == TableStatus.ACTIVE
            && (table.GlobalSecondaryIndexes ?? []).All(i => i.IndexStatus == IndexStatus.ACTIVE);

    private async Task<TableDescription?> DescribeAsync(string tableName, CancellationToken cancellationToken)
    {
        try
        {
            var response = await clientWrapper.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken)
                .ConfigureAwait(false);
            return response.Table;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }

    private async Task WaitAsync(string tableName, Func<TableDescription?, bool> done, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + WaitTimeout;
        while (!done(await DescribeAsync(tableName, cancellationToken).ConfigureAwait(false)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException(DynamoDbStrings.TableWaitTimedOut(tableName, WaitTimeout));
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }
}
