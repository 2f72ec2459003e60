using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query;

/// <summary>Creates the <see cref="DynamoDbQueryCompilationContext"/> of each query compilation.</summary>
internal sealed class DynamoDbQueryCompilationContextFactory(QueryCompilationContextDependencies dependencies)
    : IQueryCompilationContextFactory
{
    public QueryCompilationContext Create(bool async) => new DynamoDbQueryCompilationContext(dependencies, async);
}
