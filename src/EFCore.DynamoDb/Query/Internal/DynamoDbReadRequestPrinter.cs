using EFCore.DynamoDb.Storage;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary><c>ToQueryString()</c> of a read: every request it sends first, with this execution's values.</summary>
internal static class DynamoDbReadRequestPrinter
{
    public static string Print(DynamoDbReadPlan plan, DynamoDbQueryContext queryContext)
    {
        var requests = DynamoDbReadRequestFactory.CreateAll(
            plan, queryContext.Parameters, queryContext.ClientWrapper.Settings, plan.EvaluatePaging(queryContext.Parameters).ItemsToRead);
        return requests.Any()
            ? string.Join("\n\n", requests.Select(r => DynamoDbRequestPrinter.Print(r, includeValues: true)))
            : "-- No request: a key value is null, so no item can match.";
    }
}
