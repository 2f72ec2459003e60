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

    /// <summary>Starts the activity of a request (its tables joined by ", "), or returns null when nothing listens.</summary>
    public static Activity? Start(string operation, string tableNames, string? indexName)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity("DynamoDB." + operation, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("db.system.name", "aws.dynamodb");
            activity.SetTag("db.operation.name", operation);
            activity.SetTag("aws.dynamodb.table_names", tableNames.Length == 0 ? [] : tableNames.Split(", "));
            if (indexName != null)
            {
                activity.SetTag("aws.dynamodb.index_name", indexName);
            }
        }

        return activity;
    }

    /// <summary>Records the capacity a request consumed, when reported.</summary>
    public static void Succeeded(Activity? activity, double? consumedCapacity)
    {
        if (activity != null && consumedCapacity != null)
        {
            activity.SetTag("aws.dynamodb.consumed_capacity", consumedCapacity);
        }
    }

    /// <summary>Marks the activity of a failed request, with DynamoDB's error code (or the exception type) as its error type.</summary>
    public static void Failed(Activity? activity, Exception exception)
    {
        if (activity != null)
        {
            activity.SetStatus(ActivityStatusCode.Error, exception.Message);
            activity.SetTag("error.type", (exception as Amazon.Runtime.AmazonServiceException)?.ErrorCode ?? exception.GetType().FullName);
        }
    }
}
