using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Query.Internal;
using EFCore.DynamoDb.Storage;
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

    internal static readonly MethodInfo ScanInSegmentsMethod
        = typeof(DynamoDbQueryableExtensions).GetMethod(nameof(ScanInSegments), BindingFlags.Static | BindingFlags.NonPublic)!;

    internal static readonly MethodInfo ReadAtRateMethod
        = typeof(DynamoDbQueryableExtensions).GetMethod(nameof(ReadAtRate), BindingFlags.Static | BindingFlags.NonPublic)!;

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

        var pageQuery = source.Provider.CreateQuery<TEntity>(Expression.Call(
            null, AsPageMethod.MakeGenericMethod(typeof(TEntity)), source.Expression, Parameter(request)));

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

    /// <summary>
    /// Reads a query that runs as a <c>Scan</c> in <paramref name="totalSegments"/> segments at once (DynamoDB's parallel
    /// scan), at most <paramref name="maxConcurrency"/> at a time (default: all of them, up to 16). Results stream as
    /// pages arrive, in no particular order; <c>Count</c>, <c>Any</c> and <c>All</c> add up every segment. The scan guard
    /// (<c>AllowScan()</c>, <c>ScanBehavior</c>) applies as to any scan; a query that does not scan is refused.
    /// </summary>
    public static IQueryable<TEntity> WithParallelScan<TEntity>(this IQueryable<TEntity> source, int totalSegments, int? maxConcurrency = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalSegments);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(totalSegments, DynamoDbServiceLimits.ScanSegments);
        if (maxConcurrency is { } concurrency)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concurrency, nameof(maxConcurrency));
        }

        return Apply(source, ScanInSegmentsMethod, Parameter(new DynamoDbScanSegments(
            totalSegments, null, maxConcurrency ?? Math.Min(totalSegments, DynamoDbScanSegments.DefaultMaxConcurrency))));
    }

    /// <summary>
    /// Reads only segment <paramref name="segment"/> (from 0) of a <c>Scan</c> divided into
    /// <paramref name="totalSegments"/>, so that workers can share one scan; together the segments return every item
    /// once. A query that does not scan is refused.
    /// </summary>
    public static IQueryable<TEntity> WithScanSegment<TEntity>(this IQueryable<TEntity> source, int segment, int totalSegments)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalSegments);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(totalSegments, DynamoDbServiceLimits.ScanSegments);
        ArgumentOutOfRangeException.ThrowIfNegative(segment);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(segment, totalSegments);
        return Apply(source, ScanInSegmentsMethod, Parameter(new DynamoDbScanSegments(totalSegments, segment, 1)));
    }

    /// <summary>
    /// Paces a <c>Scan</c> or <c>Query</c> so that it consumes about <paramref name="readCapacityUnitsPerSecond"/> read
    /// capacity units per second, as DynamoDB reports them page by page, leaving the rest of the table's capacity to
    /// the application. Throttled pages are retried with backoff; the read stops with an exception after repeated
    /// throttling or when it has run longer than <paramref name="timeout"/>.
    /// </summary>
    public static IQueryable<TEntity> WithReadRateLimit<TEntity>(
        this IQueryable<TEntity> source, double readCapacityUnitsPerSecond, TimeSpan? timeout = null)
    {
        if (!double.IsFinite(readCapacityUnitsPerSecond) || readCapacityUnitsPerSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(readCapacityUnitsPerSecond), readCapacityUnitsPerSecond, DynamoDbStrings.RateLimitMustBePositive);
        }

        if (timeout is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero, nameof(timeout));
        }

        return Apply(source, ReadAtRateMethod, Parameter(new DynamoDbReadRateLimit(readCapacityUnitsPerSecond, timeout)));
    }

    /// <summary>A marker in the LINQ tree that carries <c>WithParallelScan</c> or <c>WithScanSegment</c>; never executed.</summary>
    private static IQueryable<TEntity> ScanInSegments<TEntity>(IQueryable<TEntity> source, DynamoDbScanSegments segments)
        => throw new InvalidOperationException();

    /// <summary>A marker in the LINQ tree that carries <c>WithReadRateLimit</c>; never executed.</summary>
    private static IQueryable<TEntity> ReadAtRate<TEntity>(IQueryable<TEntity> source, DynamoDbReadRateLimit rateLimit)
        => throw new InvalidOperationException();

    /// <summary>
    /// A value that reaches the query as a parameter (a member of a closure-like box), so the compiled query is cached
    /// by shape and reused whatever the value.
    /// </summary>
    private static Expression Parameter<T>(T value)
        => Expression.Field(Expression.Constant(new StrongBox<T>(value)), nameof(StrongBox<T>.Value));

    private static IQueryable<TEntity> Apply<TEntity>(IQueryable<TEntity> source, MethodInfo method, params Expression[] arguments)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Provider is EntityQueryProvider
            ? source.Provider.CreateQuery<TEntity>(Expression.Call(null, method.MakeGenericMethod(typeof(TEntity)), [source.Expression, .. arguments]))
            : source;
    }
}
