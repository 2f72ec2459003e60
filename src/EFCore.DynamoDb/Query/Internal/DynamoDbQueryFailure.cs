using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// How a query that failed is reported, as EF Core's providers do: a cancellation logs <c>QueryCanceled</c> and
/// surfaces as an <see cref="OperationCanceledException"/> carrying the caller's token (not the SDK's
/// <see cref="TaskCanceledException"/>); anything else logs <c>QueryIterationFailed</c> and is rethrown.
/// </summary>
internal static class DynamoDbQueryFailure
{
    /// <summary>Logs the failure; returns the exception to throw instead, or null to rethrow the original.</summary>
    public static Exception? Report(QueryContext queryContext, Type contextType, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return ReportCancellation(queryContext, contextType, exception, cancellationToken);
        }

        queryContext.QueryLogger.QueryIterationFailed(contextType, exception);
        return null;
    }

    /// <summary>
    /// A cancellation by the caller's token (of <c>ExecuteUpdate</c> or <c>ExecuteDelete</c> as of a query): logs
    /// <c>QueryCanceled</c> and returns the exception to throw instead, or null to rethrow the original. Any other
    /// failure is left to its caller.
    /// </summary>
    public static Exception? ReportCancellation(QueryContext queryContext, Type contextType, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        queryContext.QueryLogger.QueryCanceled(contextType);
        return exception.GetType() == typeof(OperationCanceledException)
            ? null
            : new OperationCanceledException(exception.Message, exception, cancellationToken);
    }
}
