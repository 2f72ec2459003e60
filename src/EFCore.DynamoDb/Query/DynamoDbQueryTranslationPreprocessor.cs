using System.Linq.Expressions;
using EFCore.DynamoDb.Query.Internal;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query;

/// <summary>
/// Takes the per-query DynamoDB options (<c>AllowScan</c>, <c>WithConsistentRead</c>) and the includes of related
/// entities out of the LINQ tree before EF Core normalizes it.
/// </summary>
internal sealed class DynamoDbQueryTranslationPreprocessor(
    QueryTranslationPreprocessorDependencies dependencies,
    DynamoDbQueryCompilationContext queryCompilationContext)
    : QueryTranslationPreprocessor(dependencies, queryCompilationContext)
{
    /// <summary>
    /// <c>EF.Constant(v)</c> is accepted: DynamoDB expressions never hold values in their text, so the value is sent
    /// as an expression attribute value like any other, evaluated per execution.
    /// </summary>
    protected override bool IsEfConstantSupported => true;

    public override Expression Process(Expression query)
    {
        query = new DynamoDbQueryOptionsExtractingExpressionVisitor(queryCompilationContext).Visit(query);
        queryCompilationContext.QueryText = new DynamoDbQueryText(query);
        query = new DynamoDbIncludeExtractingExpressionVisitor(queryCompilationContext).Process(query);
        return base.Process(query);
    }
}
