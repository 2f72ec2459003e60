using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query;

/// <summary>Creates the <see cref="DynamoDbQueryContext"/> of each query execution.</summary>
internal sealed class DynamoDbQueryContextFactory(QueryContextDependencies dependencies, DynamoDbClientWrapper clientWrapper)
    : IQueryContextFactory
{
    public QueryContext Create() => new DynamoDbQueryContext(dependencies, clientWrapper);
}
