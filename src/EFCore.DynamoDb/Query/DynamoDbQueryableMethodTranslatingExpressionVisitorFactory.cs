using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query;

/// <summary>Creates the <see cref="DynamoDbQueryableMethodTranslatingExpressionVisitor"/> of each query compilation.</summary>
internal sealed class DynamoDbQueryableMethodTranslatingExpressionVisitorFactory(QueryableMethodTranslatingExpressionVisitorDependencies dependencies)
    : IQueryableMethodTranslatingExpressionVisitorFactory
{
    public QueryableMethodTranslatingExpressionVisitor Create(QueryCompilationContext queryCompilationContext)
        => new DynamoDbQueryableMethodTranslatingExpressionVisitor(dependencies, queryCompilationContext);
}
