using System.Diagnostics;

namespace EFCore.DynamoDb.Diagnostics;

/// <summary>
/// The <see cref="ActivitySource"/> named <c>EFCore.DynamoDb</c>: one client activity per request, named like
/// <c>DynamoDB.Query</c>, tagged after OpenTelemetry's database and DynamoDB conventions.
/// </summary>
internal static class DynamoDbActivitySource
{
    public const string Name = "EFCore.DynamoDb";

    public static readonly ActivitySource Source = new(Name, typeof(DynamoDbActivitySource).Assembly.GetName().Version?.ToString());

    /// <summary>Starts the activity of a request, or returns null when nothing listens.</summary>
    public static Activity? Start(string operation, IReadOnlyList<string> tableNames, string? indexName)
    {
        var activity = Source.StartActivity("DynamoDB." + operation, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("db.system.name", "aws.dynamodb");
            activity.SetTag("db.operation.name", operation);
            activity.SetTag("aws.dynamodb.table_names", tableNames.ToArray());
            if (indexName != null)
            {
                activity.SetTag("aws.dynamodb.index_name", indexName);
            }
        }

        return activity;
    }
}
