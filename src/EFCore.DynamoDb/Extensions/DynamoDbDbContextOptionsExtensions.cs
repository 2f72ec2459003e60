using Amazon.DynamoDBv2;
using EFCore.DynamoDb.Infrastructure;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Selects the DynamoDB provider for a context.</summary>
public static class DynamoDbDbContextOptionsExtensions
{
    /// <summary>
    /// Uses Amazon DynamoDB. Without further settings the AWS SDK's default region, credential and endpoint
    /// chain applies (including <c>AWS_ENDPOINT_URL_DYNAMODB</c>).
    /// </summary>
    public static DbContextOptionsBuilder UseDynamoDb(
        this DbContextOptionsBuilder optionsBuilder,
        Action<DynamoDbDbContextOptionsBuilder>? dynamoDbOptionsAction = null)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        var extension = optionsBuilder.Options.FindExtension<DynamoDbOptionsExtension>() ?? new DynamoDbOptionsExtension();
        ((IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(extension);
        ConfigureWarnings(optionsBuilder);
        dynamoDbOptionsAction?.Invoke(new DynamoDbDbContextOptionsBuilder(optionsBuilder));
        return optionsBuilder;
    }

    /// <summary>Uses Amazon DynamoDB through a client the application owns (and disposes).</summary>
    public static DbContextOptionsBuilder UseDynamoDb(
        this DbContextOptionsBuilder optionsBuilder,
        IAmazonDynamoDB client,
        Action<DynamoDbDbContextOptionsBuilder>? dynamoDbOptionsAction = null)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        ArgumentNullException.ThrowIfNull(client);
        var extension = (optionsBuilder.Options.FindExtension<DynamoDbOptionsExtension>() ?? new DynamoDbOptionsExtension())
            .WithClient(client);
        ((IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(extension);
        ConfigureWarnings(optionsBuilder);
        dynamoDbOptionsAction?.Invoke(new DynamoDbDbContextOptionsBuilder(optionsBuilder));
        return optionsBuilder;
    }

    /// <summary>
    /// An ambient transaction around SaveChanges is an error unless the application configured the warning itself
    /// (<c>ConfigureWarnings(w => w.Log(DynamoDbEventId.AmbientTransactionWarning))</c>): DynamoDB cannot enlist in it.
    /// </summary>
    private static void ConfigureWarnings(DbContextOptionsBuilder optionsBuilder)
    {
        var core = optionsBuilder.Options.FindExtension<CoreOptionsExtension>() ?? new CoreOptionsExtension();
        core = core.WithWarningsConfiguration(
            core.WarningsConfiguration.TryWithExplicit(Diagnostics.DynamoDbEventId.AmbientTransactionWarning, WarningBehavior.Throw));
        ((IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(core);
    }

    /// <summary>Uses Amazon DynamoDB. Without further settings the AWS SDK's default chain applies.</summary>
    public static DbContextOptionsBuilder<TContext> UseDynamoDb<TContext>(
        this DbContextOptionsBuilder<TContext> optionsBuilder,
        Action<DynamoDbDbContextOptionsBuilder>? dynamoDbOptionsAction = null)
        where TContext : DbContext
        => (DbContextOptionsBuilder<TContext>)UseDynamoDb((DbContextOptionsBuilder)optionsBuilder, dynamoDbOptionsAction);

    /// <summary>Uses Amazon DynamoDB through a client the application owns (and disposes).</summary>
    public static DbContextOptionsBuilder<TContext> UseDynamoDb<TContext>(
        this DbContextOptionsBuilder<TContext> optionsBuilder,
        IAmazonDynamoDB client,
        Action<DynamoDbDbContextOptionsBuilder>? dynamoDbOptionsAction = null)
        where TContext : DbContext
        => (DbContextOptionsBuilder<TContext>)UseDynamoDb((DbContextOptionsBuilder)optionsBuilder, client, dynamoDbOptionsAction);
}
