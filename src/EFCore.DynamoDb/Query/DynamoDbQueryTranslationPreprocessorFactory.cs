using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query;

/// <summary>Creates the <see cref="DynamoDbQueryTranslationPreprocessor"/> of each query compilation.</summary>
internal sealed class DynamoDbQueryTranslationPreprocessorFactory(QueryTranslationPreprocessorDependencies dependencies)
    : IQueryTranslationPreprocessorFactory
{
    public QueryTranslationPreprocessor Create(QueryCompilationContext queryCompilationContext)
        => new DynamoDbQueryTranslationPreprocessor(dependencies, (DynamoDbQueryCompilationContext)queryCompilationContext);
}
