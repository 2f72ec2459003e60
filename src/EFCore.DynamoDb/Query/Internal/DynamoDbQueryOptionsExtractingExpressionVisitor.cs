using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>Removes the calls of <see cref="DynamoDbQueryableExtensions"/> from a LINQ tree, recording what they ask.</summary>
internal sealed class DynamoDbQueryOptionsExtractingExpressionVisitor(DynamoDbQueryCompilationContext queryCompilationContext)
    : ExpressionVisitor
{
    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Method.DeclaringType == typeof(DynamoDbQueryableExtensions) && node.Method.IsGenericMethod)
        {
            var definition = node.Method.GetGenericMethodDefinition();
            if (definition == DynamoDbQueryableExtensions.AllowScanMethod)
            {
                queryCompilationContext.AllowScan = true;
            }
            else if (definition == DynamoDbQueryableExtensions.WithConsistentReadMethod)
            {
                queryCompilationContext.ConsistentRead = true;
            }
            else if (definition == DynamoDbQueryableExtensions.WithIndexMethod)
            {
                queryCompilationContext.IndexName = (string)((ConstantExpression)node.Arguments[1]).Value!;
            }
            else if (definition == DynamoDbQueryableExtensions.WithPageSizeMethod)
            {
                queryCompilationContext.PageSize = node.Arguments[1];
            }
            else if (definition == DynamoDbQueryableExtensions.ScanInSegmentsMethod)
            {
                queryCompilationContext.ScanSegments = node.Arguments[1];
            }
            else if (definition == DynamoDbQueryableExtensions.ReadAtRateMethod)
            {
                queryCompilationContext.ReadRateLimit = node.Arguments[1];
            }
            else if (definition == DynamoDbQueryableExtensions.AsPageMethod)
            {
                queryCompilationContext.PageRequest = node.Arguments[1];
            }

            return Visit(node.Arguments[0]);
        }

        return base.VisitMethodCall(node);
    }
}
