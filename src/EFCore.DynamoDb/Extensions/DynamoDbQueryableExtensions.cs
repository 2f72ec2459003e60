using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Query.Internal;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Per-query DynamoDB options.</summary>
public static class DynamoDbQueryableExtensions
{
    internal static readonly MethodInfo AllowScanMethod
        = typeof(DynamoDbQueryableExtensions).GetMethod(nameof(AllowScan))!;

    internal static readonly MethodInfo WithConsistentReadMethod
        = typeof(DynamoDbQueryableExtensions).GetMethod(nameof(WithConsistentRead))!;

    /// <summary>
    /// Accepts a full-table <c>Scan</c> for this query: no warning, and no error under <c>DynamoDbScanBehavior.Throw</c>.
    /// </summary>
    public static IQueryable<TEntity> AllowScan<TEntity>(this IQueryable<TEntity> source)
        => Apply(source, AllowScanMethod);

    /// <summary>Reads with strong consistency (<c>ConsistentRead</c>), whatever the context's default.</summary>
    public static IQueryable<TEntity> WithConsistentRead<TEntity>(this IQueryable<TEntity> source)
        => Apply(source, WithConsistentReadMethod);

    private static IQueryable<TEntity> Apply<TEntity>(IQueryable<TEntity> source, MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Provider is EntityQueryProvider
            ? source.Provider.CreateQuery<TEntity>(Expression.Call(null, method.MakeGenericMethod(typeof(TEntity)), source.Expression))
            : source;
    }
}
