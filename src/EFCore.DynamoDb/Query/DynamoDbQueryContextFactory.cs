using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Query;

/// <summary>Creates the <see cref="DynamoDbQueryContext"/> of each query execution.</summary>
internal sealed class DynamoDbQueryContextFactory(
    QueryContextDependencies dependencies, DynamoDbClientWrapper clientWrapper, IExecutionStrategyFactory executionStrategyFactory)
    : IQueryContextFactory
{
    public QueryContext Create() => new DynamoDbQueryContext(dependencies, clientWrapper, executionStrategyFactory);
}
