using EFCore.DynamoDb.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Storage;

/// <summary>Creates the context's execution strategy: the one configured with <c>EnableRetryOnFailure</c>, else none that retries.</summary>
internal sealed class DynamoDbExecutionStrategyFactory(ExecutionStrategyDependencies dependencies) : IExecutionStrategyFactory
{
    public IExecutionStrategy Create()
        => dependencies.Options.FindExtension<DynamoDbOptionsExtension>()?.ExecutionStrategyFactory?.Invoke(dependencies)
            ?? new NonRetryingExecutionStrategy(dependencies);
}
