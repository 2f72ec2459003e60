using Amazon.DynamoDBv2;
using EFCore.DynamoDb.Infrastructure;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore.Infrastructure;
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

    /// <summary>Whether the context uses the DynamoDB provider.</summary>
    public static bool IsDynamoDb(this DatabaseFacade database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.ProviderName == typeof(DynamoDbOptionsExtension).Assembly.GetName().Name;
    }
}
