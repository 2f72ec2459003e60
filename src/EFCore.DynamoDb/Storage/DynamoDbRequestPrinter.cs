using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage;

/// <summary>
/// Prints a DynamoDB request as readable text, for logs and <c>ToQueryString()</c>. Attribute values are
/// printed only when asked to (sensitive data logging); otherwise each value shows as <c>?</c>.
/// </summary>
internal static class DynamoDbRequestPrinter
{
    public static string Print(AmazonDynamoDBRequest request, bool includeValues)
    {
        var printer = new StringBuilder();
        switch (request)
        {
            case GetItemRequest r:
                Header(printer, "GetItem", r.TableName, null);
                Values(printer, "Key", r.Key, includeValues);
                Line(printer, "ProjectionExpression", r.ProjectionExpression);
                Names(printer, r.ExpressionAttributeNames);
                Flag(printer, "ConsistentRead", r.ConsistentRead);
                break;
            case QueryRequest r:
                Header(printer, "Query", r.TableName, r.IndexName);
                Line(printer, "KeyConditionExpression", r.KeyConditionExpression);
                Read(printer, r.FilterExpression, r.ProjectionExpression, r.ExpressionAttributeNames, r.ExpressionAttributeValues, r.Select, r.Limit, includeValues);
                Flag(printer, "ScanIndexForward", r.ScanIndexForward);
                Flag(printer, "ConsistentRead", r.ConsistentRead);
                break;
            case ScanRequest r:
                Header(printer, "Scan", r.TableName, r.IndexName);
                if (r.TotalSegments is { } totalSegments)
                {
                    Line(printer, "Segment", $"{r.Segment} of {totalSegments}");
                }

                Read(printer, r.FilterExpression, r.ProjectionExpression, r.ExpressionAttributeNames, r.ExpressionAttributeValues, r.Select, r.Limit, includeValues);
                Flag(printer, "ConsistentRead", r.ConsistentRead);
                break;
            case ExecuteStatementRequest r:
                printer.AppendLine("ExecuteStatement");
                Line(printer, "Statement", r.Statement);
                if (r.Parameters is { Count: > 0 })
                {
                    Line(printer, "Parameters", "[ " + string.Join(", ", r.Parameters.Select(p => includeValues ? PrintValue(p) : "?")) + " ]");
                }

                Flag(printer, "ConsistentRead", r.ConsistentRead);
                break;
            case BatchWriteItemRequest r:
                printer.AppendLine("BatchWriteItem");
                foreach (var (table, writes) in r.RequestItems)
                {
                    Line(printer, table, $"{writes.Count(w => w.PutRequest != null)} puts, {writes.Count(w => w.DeleteRequest != null)} deletes");
                }

                break;
            case BatchGetItemRequest r:
                printer.AppendLine("BatchGetItem");
                foreach (var (table, keys) in r.RequestItems)
                {
                    Line(printer, table, $"{keys.Keys.Count} keys" + (keys.ProjectionExpression == null ? "" : ", ProjectionExpression: " + keys.ProjectionExpression));
                    Names(printer, keys.ExpressionAttributeNames);
                    if (includeValues)
                    {
                        Line(printer, "Keys", string.Join("; ", keys.Keys.Select(k => string.Join(", ", k.Select(v => v.Key + ": " + PrintValue(v.Value))))));
                    }
                }

                break;
            case PutItemRequest r:
                Header(printer, "PutItem", r.TableName, null);
                Values(printer, "Item", r.Item, includeValues);
                Line(printer, "ConditionExpression", r.ConditionExpression);
                Names(printer, r.ExpressionAttributeNames);
                Values(printer, "ExpressionAttributeValues", r.ExpressionAttributeValues, includeValues);
                break;
            case UpdateItemRequest r:
                Header(printer, "UpdateItem", r.TableName, null);
                Values(printer, "Key", r.Key, includeValues);
                Line(printer, "UpdateExpression", r.UpdateExpression);
                Line(printer, "ConditionExpression", r.ConditionExpression);
                Names(printer, r.ExpressionAttributeNames);
                Values(printer, "ExpressionAttributeValues", r.ExpressionAttributeValues, includeValues);
                break;
            case DeleteItemRequest r:
                Header(printer, "DeleteItem", r.TableName, null);
                Values(printer, "Key", r.Key, includeValues);
                Line(printer, "ConditionExpression", r.ConditionExpression);
                Names(printer, r.ExpressionAttributeNames);
                Values(printer, "ExpressionAttributeValues", r.ExpressionAttributeValues, includeValues);
                break;
            case TransactWriteItemsRequest r:
                printer.Append("TransactWriteItems (").Append(r.TransactItems.Count).AppendLine(" writes)");
                foreach (var item in r.TransactItems)
                {
                    printer.AppendLine("  " + Print(AsRequest(item), includeValues).Replace("\n", "\n  ", StringComparison.Ordinal));
                }

                break;
            case CreateTableRequest r:
                Header(printer, "CreateTable", r.TableName, null);
                Line(printer, "KeySchema", string.Join(", ", r.KeySchema.Select(k => $"{k.AttributeName} {k.KeyType.Value}")));
                Line(printer, "AttributeDefinitions", string.Join(", ", r.AttributeDefinitions.Select(a => $"{a.AttributeName} {a.AttributeType.Value}")));
                Line(printer, "BillingMode", r.BillingMode?.Value);
                Line(printer, "GlobalSecondaryIndexes", r.GlobalSecondaryIndexes == null ? null : string.Join(", ", r.GlobalSecondaryIndexes.Select(i => i.IndexName)));
                Line(printer, "LocalSecondaryIndexes", r.LocalSecondaryIndexes == null ? null : string.Join(", ", r.LocalSecondaryIndexes.Select(i => i.IndexName)));
                break;
            case DeleteTableRequest r:
                Header(printer, "DeleteTable", r.TableName, null);
                break;
            case UpdateTimeToLiveRequest r:
                Header(printer, "UpdateTimeToLive", r.TableName, null);
                Line(printer, "TimeToLiveSpecification", $"{r.TimeToLiveSpecification.AttributeName} enabled={r.TimeToLiveSpecification.Enabled}");
                break;
            case DescribeTimeToLiveRequest r:
                Header(printer, "DescribeTimeToLive", r.TableName, null);
                break;
            case DescribeTableRequest r:
                Header(printer, "DescribeTable", r.TableName, null);
                break;
            default:
                printer.Append(request.GetType().Name.Replace("Request", "", StringComparison.Ordinal));
                break;
        }

        return printer.ToString().TrimEnd();
    }

    /// <summary>Prints one attribute value in DynamoDB's type-tagged form, such as <c>S:"abc"</c> or <c>N:42</c>.</summary>
    public static string PrintValue(AttributeValue value)
        => value switch
        {
            { S: { } s } => "S:\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
            { N: { } n } => "N:" + n,
            { B: { } b } => "B:" + Convert.ToBase64String(b.ToArray()),
            { BOOL: { } flag } => flag ? "BOOL:true" : "BOOL:false",
            { NULL: true } => "NULL",
            { L: { } list } => "L:[" + string.Join(", ", list.Select(PrintValue)) + "]",
            { M: { } map } => "M:{" + string.Join(", ", map.Select(e => e.Key + ": " + PrintValue(e.Value))) + "}",
            { SS: { } ss } => "SS:[" + string.Join(", ", ss.Select(s => "\"" + s + "\"")) + "]",
            { NS: { } ns } => "NS:[" + string.Join(", ", ns) + "]",
            { BS: { } bs } => "BS:[" + string.Join(", ", bs.Select(b => Convert.ToBase64String(b.ToArray()))) + "]",
            _ => "?",
        };

    /// <summary>A transaction element as the single request it stands for, to print it the same way.</summary>
    private static AmazonDynamoDBRequest AsRequest(TransactWriteItem item)
        => item switch
        {
            { Put: { } put } => new PutItemRequest
            {
                TableName = put.TableName, Item = put.Item, ConditionExpression = put.ConditionExpression,
                ExpressionAttributeNames = put.ExpressionAttributeNames, ExpressionAttributeValues = put.ExpressionAttributeValues,
            },
            { Update: { } update } => new UpdateItemRequest
            {
                TableName = update.TableName, Key = update.Key, UpdateExpression = update.UpdateExpression, ConditionExpression = update.ConditionExpression,
                ExpressionAttributeNames = update.ExpressionAttributeNames, ExpressionAttributeValues = update.ExpressionAttributeValues,
            },
            { Delete: { } delete } => new DeleteItemRequest
            {
                TableName = delete.TableName, Key = delete.Key, ConditionExpression = delete.ConditionExpression,
                ExpressionAttributeNames = delete.ExpressionAttributeNames, ExpressionAttributeValues = delete.ExpressionAttributeValues,
            },
            // A condition check reads like an update that changes nothing.
            { ConditionCheck: { } check } => new UpdateItemRequest
            {
                TableName = check.TableName, Key = check.Key, ConditionExpression = check.ConditionExpression,
                ExpressionAttributeNames = check.ExpressionAttributeNames, ExpressionAttributeValues = check.ExpressionAttributeValues,
            },
            _ => new TransactWriteItemsRequest(),
        };

    private static void Read(
        StringBuilder printer,
        string? filter,
        string? projection,
        Dictionary<string, string>? names,
        Dictionary<string, AttributeValue>? values,
        Select? select,
        int? limit,
        bool includeValues)
    {
        Line(printer, "FilterExpression", filter);
        Line(printer, "ProjectionExpression", projection);
        Names(printer, names);
        Values(printer, "ExpressionAttributeValues", values, includeValues);
        Line(printer, "Select", select?.Value);
        Line(printer, "Limit", limit?.ToString(CultureInfo.InvariantCulture));
    }

    private static void Header(StringBuilder printer, string operation, string tableName, string? indexName)
    {
        printer.Append(operation).Append(' ').Append(tableName);
        if (indexName != null)
        {
            printer.Append(" INDEX ").Append(indexName);
        }

        printer.AppendLine();
    }

    private static void Line(StringBuilder printer, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            printer.Append("  ").Append(label).Append(": ").AppendLine(value);
        }
    }

    private static void Flag(StringBuilder printer, string label, bool? value)
    {
        if (value != null)
        {
            Line(printer, label, value.Value ? "true" : "false");
        }
    }

    private static void Names(StringBuilder printer, Dictionary<string, string>? names)
    {
        if (names is { Count: > 0 })
        {
            Line(printer, "ExpressionAttributeNames", string.Join(", ", names.Select(n => n.Key + "=" + n.Value)));
        }
    }

    private static void Values(StringBuilder printer, string label, Dictionary<string, AttributeValue>? values, bool includeValues)
    {
        if (values is { Count: > 0 })
        {
            Line(printer, label, "{ " + string.Join(", ", values.Select(v => v.Key + ": " + (includeValues ? PrintValue(v.Value) : "?"))) + " }");
        }
    }
}
