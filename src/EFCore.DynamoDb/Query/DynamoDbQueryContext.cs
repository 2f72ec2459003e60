using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query;

/// <summary>The state of one query execution: EF Core's, plus the context's DynamoDB client wrapper.</summary>
internal sealed class DynamoDbQueryContext(QueryContextDependencies dependencies, DynamoDbClientWrapper clientWrapper)
    : QueryContext(dependencies)
{
    public DynamoDbClientWrapper ClientWrapper { get; } = clientWrapper;
}
