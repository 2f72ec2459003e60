using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Per-query DynamoDB options.</summary>
public static class DynamoDbQueryableExtensions
{
    internal static readonly MethodInfo AllowScanMethod
        = typeof(DynamoDbQueryableExtensions).GetMethod(nameof(AllowScan))!;

    internal static readonly MethodInfo WithConsistentReadMethod
        = typeof(DynamoDbQueryableExtensions).GetMethod(nameof(WithConsistentRead))!;

    internal static readonly MethodInfo WithIndexMethod
        = typeof(DynamoDbQueryableExtensions).GetMethod(nameof(WithIndex))!;

    internal static readonly MethodInfo WithPageSizeMethod
        = typeof(DynamoDbQueryableExtensions).GetMethod(nameof(WithPageSize))!;

    internal static readonly MethodInfo AsPageMethod
        = typeof(DynamoDbQueryableExtensions).GetMethod(nameof(AsPage), BindingFlags.Static | BindingFlags.NonPublic)!;

    /// <summary>
    /// Accepts a full-table <c>Scan</c> for this query: no warning, and no error under <c>DynamoDbScanBehavior.Throw</c>.
    /// </summary>
    public static IQueryable<TEntity> AllowScan<TEntity>(this IQueryable<TEntity> source)
        => Apply(source, AllowScanMethod);

    /// <summary>Reads with strong consistency (<c>ConsistentRead</c>), whatever the context's default.</summary>
    public static IQueryable<TEntity> WithConsistentRead<TEntity>(this IQueryable<TEntity> source)
        => Apply(source, WithConsistentReadMethod);

    /// <summary>
    /// Reads one page of results: at most <paramref name="pageSize"/> of them, starting after the page the
    /// <paramref name="continuationToken"/> came from (null for the first page). The returned page's token continues
    /// the same query; it is null when no results remain. Only the items of this page are read and materialized.
    /// </summary>
    /// <exception cref="ArgumentException">The token was changed, or it belongs to another query.</exception>
    public static async Task<DynamoDbPage<TEntity>> ToPageAsync<TEntity>(
        this IQueryable<TEntity> source,
        int pageSize,
        string? continuationToken,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        if (source.Provider is not EntityQueryProvider)
        {
            throw new InvalidOperationException(DynamoDbStrings.PagingNeedsDynamoDbQuery);
        }

        var request = new DynamoDbPageRequest(pageSize, continuationToken);

        // The request reaches the query as a parameter (a member of a closure-like box), so the compiled query is
        // cached by shape and reused for every page.
        var pageQuery = source.Provider.CreateQuery<TEntity>(Expression.Call(
            null,
            AsPageMethod.MakeGenericMethod(typeof(TEntity)),
            source.Expression,
            Expression.Field(Expression.Constant(new StrongBox<DynamoDbPageRequest>(request)), nameof(StrongBox<DynamoDbPageRequest>.Value))));

        var values = new List<TEntity>(pageSize);
        await foreach (var value in ((IAsyncEnumerable<TEntity>)pageQuery).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            values.Add(value);
        }

        return new DynamoDbPage<TEntity>(values, request.LastKey == null ? null : request.NextToken);
    }

    /// <summary>
    /// Queries the entity type with a PartiQL <c>SELECT</c> statement. Interpolated values are sent as parameters
    /// (<c>?</c>), never spliced into the text; the table name after FROM gets the context's table prefix. Results
    /// are materialized and tracked like any query; <c>Select</c>, <c>Take</c>, <c>First</c> and <c>Single</c> may
    /// follow, other operators belong in the statement.
    /// </summary>
    /// <example><c>db.Users.FromPartiQL($"SELECT * FROM users WHERE Email = {email}")</c></example>
    public static IQueryable<TEntity> FromPartiQL<TEntity>(this DbSet<TEntity> source, FormattableString statement)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(statement);
        var provider = (IAsyncQueryProvider)((IQueryable<TEntity>)source).Provider;
        var (text, arguments) = DynamoDbPartiQLStatement.Parameterize(statement);
        return provider.CreateQuery<TEntity>(new DynamoDbPartiQLQueryRootExpression(provider, source.EntityType, text, arguments));
    }

    /// <summary>A marker in the LINQ tree that carries a <c>ToPageAsync</c> request; never executed.</summary>
    private static IQueryable<TEntity> AsPage<TEntity>(IQueryable<TEntity> source, DynamoDbPageRequest request)
        => throw new InvalidOperationException();

    /// <summary>
    /// Runs the query on the named secondary index (declared with <c>IsGlobalSecondaryIndex</c> or
    /// <c>IsLocalSecondaryIndex</c>) instead of letting the provider choose. The query must fix the index's
    /// partition key and read only attributes the index holds.
    /// </summary>
    public static IQueryable<TEntity> WithIndex<TEntity>(this IQueryable<TEntity> source, [NotParameterized] string indexName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indexName);
        return Apply(source, WithIndexMethod, Expression.Constant(indexName));
    }

    /// <summary>
    /// Sets DynamoDB's per-request <c>Limit</c>: how many items each request evaluates (before any filter), not how
    /// many results the query returns (that is <c>Take</c>). Smaller pages use less capacity per request.
    /// </summary>
    public static IQueryable<TEntity> WithPageSize<TEntity>(this IQueryable<TEntity> source, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        return Apply(source, WithPageSizeMethod, Expression.Constant(pageSize));
    }

    private static IQueryable<TEntity> Apply<TEntity>(IQueryable<TEntity> source, MethodInfo method, params Expression[] arguments)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Provider is EntityQueryProvider
            ? source.Provider.CreateQuery<TEntity>(Expression.Call(null, method.MakeGenericMethod(typeof(TEntity)), [source.Expression, .. arguments]))
            : source;
    }
}
