using Amazon.DynamoDBv2;
using EFCore.DynamoDb.Infrastructure;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal;
using EFCore.DynamoDb.Update;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.EntityFrameworkCore;

/// <summary>DynamoDB-specific access to a context's database.</summary>
public static class DynamoDbDatabaseFacadeExtensions
{
    /// <summary>The AWS SDK client the context sends its requests through, for anything the provider does not cover.</summary>
    public static IAmazonDynamoDB GetDynamoDbClient(this DatabaseFacade database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (!database.IsDynamoDb())
        {
            throw new InvalidOperationException(DynamoDbStrings.NotDynamoDb);
        }

        return ((IInfrastructure<IServiceProvider>)database).Instance.GetRequiredService<DynamoDbContextSettings>().Client;
    }

    /// <summary>
    /// The tables <c>EnsureCreated</c> would create, for infrastructure as code: a JSON object whose <c>Tables</c> are
    /// each table's <c>CreateTable</c> input (key schema, attribute definitions, indexes with their projections,
    /// billing, streams; names with the context's prefix), as <c>aws dynamodb create-table --cli-input-json</c> takes
    /// it, and whose <c>TimeToLive</c> are the <c>update-time-to-live --cli-input-json</c> inputs.
    /// </summary>
    public static string GenerateTableDefinitions(this DatabaseFacade database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (!database.IsDynamoDb())
        {
            throw new InvalidOperationException(DynamoDbStrings.NotDynamoDb);
        }

        return ((EFCore.DynamoDb.Storage.DynamoDbDatabaseCreator)((IInfrastructure<IServiceProvider>)database).Instance
            .GetRequiredService<Microsoft.EntityFrameworkCore.Storage.IDatabaseCreator>()).GenerateTableDefinitions();
    }

    /// <summary>
    /// Writes every item of <typeparamref name="TEntity"/>'s table (the items of other entity types sharing the table
    /// included) to <paramref name="destination"/> as lines of DynamoDB JSON, <c>{"Item":{"Id":{"S":"a"},...}}</c>, as
    /// AWS's table export does. The table is scanned as <paramref name="options"/> say (parallel segments, a read rate
    /// limit, consistent reads); <paramref name="progress"/> hears the count written after each page.
    /// </summary>
    /// <returns>How many items were written.</returns>
    public static Task<long> ExportItemsAsync<TEntity>(
        this DatabaseFacade database,
        Stream destination,
        DynamoDbExportOptions? options = null,
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(destination);
        var (services, entityType) = Resolve<TEntity>(database);
        return services.GetRequiredService<DynamoDbTableExporter>()
            .ExportAsync(entityType, destination, options ?? new DynamoDbExportOptions(), progress, cancellationToken);
    }

    /// <summary>
    /// Puts the items in <paramref name="source"/> (lines of DynamoDB JSON, as <see cref="ExportItemsAsync{TEntity}"/>
    /// writes them) into <typeparamref name="TEntity"/>'s table with <c>BatchWriteItem</c>. An item with the key of an
    /// existing item replaces it. <paramref name="progress"/> hears the count written after each chunk; when a line
    /// cannot be read or a write fails, a <see cref="DynamoDbImportException"/> says how many items were written, and a
    /// cancellation's exception says so too.
    /// </summary>
    /// <returns>How many items were written.</returns>
    public static Task<long> ImportItemsAsync<TEntity>(
        this DatabaseFacade database,
        Stream source,
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(source);
        var (services, entityType) = Resolve<TEntity>(database);
        return services.GetRequiredService<DynamoDbTableImporter>().ImportAsync(entityType, source, progress, cancellationToken);
    }

    private static (IServiceProvider Services, IEntityType EntityType) Resolve<TEntity>(DatabaseFacade database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (!database.IsDynamoDb())
        {
            throw new InvalidOperationException(DynamoDbStrings.NotDynamoDb);
        }

        var services = ((IInfrastructure<IServiceProvider>)database).Instance;
        var model = services.GetRequiredService<ICurrentDbContext>().Context.Model;
        var entityType = model.FindEntityType(typeof(TEntity)) is { } found && !found.IsOwned()
            ? found
            : throw new InvalidOperationException(DynamoDbStrings.NotAnEntityTypeWithTable(typeof(TEntity).Name));
        return (services, entityType);
    }

    /// <summary>Whether the context uses the DynamoDB provider.</summary>
    public static bool IsDynamoDb(this DatabaseFacade database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.ProviderName == typeof(DynamoDbOptionsExtension).Assembly.GetName().Name;
    }
}
