using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query;

/// <summary>Creates the <see cref="DynamoDbShapedQueryCompilingExpressionVisitor"/> of each query compilation.</summary>
internal sealed class DynamoDbShapedQueryCompilingExpressionVisitorFactory(ShapedQueryCompilingExpressionVisitorDependencies dependencies)
    : IShapedQueryCompilingExpressionVisitorFactory
{
    public ShapedQueryCompilingExpressionVisitor Create(QueryCompilationContext queryCompilationContext)
        => new DynamoDbShapedQueryCompilingExpressionVisitor(dependencies, (DynamoDbQueryCompilationContext)queryCompilationContext);
}
