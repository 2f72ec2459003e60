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

    /// <summary>Whether the context uses the DynamoDB provider.</summary>
    public static bool IsDynamoDb(this DatabaseFacade database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.ProviderName == typeof(DynamoDbOptionsExtension).Assembly.GetName().Name;
    }
}
