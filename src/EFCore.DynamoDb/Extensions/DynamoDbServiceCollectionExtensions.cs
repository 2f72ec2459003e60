using EFCore.DynamoDb.Diagnostics;
using EFCore.DynamoDb.Infrastructure;
using EFCore.DynamoDb.Metadata.Conventions;
using EFCore.DynamoDb.Query;
using EFCore.DynamoDb.Query.Internal;
using EFCore.DynamoDb.Storage;
using EFCore.DynamoDb.Update;
using EFCore.DynamoDb.ValueGeneration;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.ValueGeneration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the DynamoDB provider's services (called by <c>UseDynamoDb</c>; rarely needed directly).</summary>
public static class DynamoDbServiceCollectionExtensions
{
    /// <summary>Adds the DynamoDB provider's services to an internal EF Core service provider.</summary>
    public static IServiceCollection AddEntityFrameworkDynamoDb(this IServiceCollection serviceCollection)
    {
        ArgumentNullException.ThrowIfNull(serviceCollection);

        new EntityFrameworkServicesBuilder(serviceCollection)
            .TryAdd<LoggingDefinitions, DynamoDbLoggingDefinitions>()
            .TryAdd<IDatabaseProvider, DatabaseProvider<DynamoDbOptionsExtension>>()
            .TryAdd<IDatabase, DynamoDbDatabase>()
            .TryAdd<IDatabaseCreator, DynamoDbDatabaseCreator>()
            .TryAdd<IDbContextTransactionManager, DynamoDbTransactionManager>()
            .TryAdd<IExecutionStrategyFactory, DynamoDbExecutionStrategyFactory>()
            .TryAdd<ITypeMappingSource, DynamoDbTypeMappingSource>()
            .TryAdd<IModelValidator, DynamoDbModelValidator>()
            .TryAdd<IProviderConventionSetBuilder, DynamoDbConventionSetBuilder>()
            .TryAdd<IQueryContextFactory, DynamoDbQueryContextFactory>()
            .TryAdd<IQueryCompilationContextFactory, DynamoDbQueryCompilationContextFactory>()
            .TryAdd<IQueryTranslationPreprocessorFactory, DynamoDbQueryTranslationPreprocessorFactory>()
            .TryAdd<IQueryableMethodTranslatingExpressionVisitorFactory, DynamoDbQueryableMethodTranslatingExpressionVisitorFactory>()
            .TryAdd<IShapedQueryCompilingExpressionVisitorFactory, DynamoDbShapedQueryCompilingExpressionVisitorFactory>()
            .TryAdd<IStructuralTypeMaterializerSource, DynamoDbStructuralTypeMaterializerSource>()
            .TryAdd<IValueGeneratorSelector, DynamoDbValueGeneratorSelector>()
            .TryAdd<IInterceptorAggregator, DynamoDbRequestInterceptorAggregator>()
            .TryAddProviderSpecificServices(services => services
                .TryAddSingleton<DynamoDbClientFactory, DynamoDbClientFactory>()
                .TryAddSingleton<DynamoDbHiLoStateCache, DynamoDbHiLoStateCache>()
                .TryAddScoped<DynamoDbContextSettings, DynamoDbContextSettings>()
                .TryAddScoped<DynamoDbClientWrapper, DynamoDbClientWrapper>()
                .TryAddScoped<DynamoDbWriteCommandFactory, DynamoDbWriteCommandFactory>()
                .TryAddScoped<DynamoDbBatchWriter, DynamoDbBatchWriter>()
                .TryAddScoped<DynamoDbTableExporter, DynamoDbTableExporter>()
                .TryAddScoped<DynamoDbTableImporter, DynamoDbTableImporter>()
                .TryAddScoped<DynamoDbUnloadedDependentFinder, DynamoDbUnloadedDependentFinder>())
            .TryAddCoreServices();

        return serviceCollection;
    }
}
