using EFCore.DynamoDb.Storage;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary><c>ToQueryString()</c> of a read: every request it sends first, with this execution's values.</summary>
internal static class DynamoDbReadRequestPrinter
{
    public static string Print(DynamoDbReadPlan plan, DynamoDbQueryContext queryContext)
    {
        DynamoDbReadRequestFactory.RefuseNullIndexKeys(plan, queryContext.Parameters);
        var requests = DynamoDbReadRequestFactory.CreateAll(
            plan, queryContext.Parameters, queryContext.ClientWrapper.Settings, plan.EvaluatePaging(queryContext.Parameters).ItemsToRead).ToList();
        if (requests.Count == 0)
        {
            return "-- No request: a key value is null or a condition is false, so no item can match.";
        }

        // The segments of a parallel scan differ only in their number: one stands for all.
        if (plan.EvaluateScanSegments(queryContext.Parameters) is { Segment: null, TotalSegments: > 1 } segments)
        {
            return $"-- {segments.TotalSegments} segments read in parallel, at most {segments.MaxConcurrency} at a time, like segment 0:\n"
                + DynamoDbRequestPrinter.Print(requests[0], includeValues: true);
        }

        return string.Join("\n\n", requests.Select(r => DynamoDbRequestPrinter.Print(r, includeValues: true)));
    }
}
