using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Query;

/// <summary>
/// The state of one query execution: EF Core's, plus the context's DynamoDB client wrapper and a source of execution
/// strategies for requests read concurrently.
/// </summary>
internal sealed class DynamoDbQueryContext(
    QueryContextDependencies dependencies, DynamoDbClientWrapper clientWrapper, IExecutionStrategyFactory executionStrategyFactory)
    : QueryContext(dependencies)
{
    public DynamoDbClientWrapper ClientWrapper { get; } = clientWrapper;

    public IExecutionStrategyFactory ExecutionStrategyFactory { get; } = executionStrategyFactory;
}
