using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage;

/// <summary>
/// Writes what <c>EnsureCreated</c> would create as JSON for infrastructure as code: each table's <c>CreateTable</c>
/// input as the AWS CLI's <c>create-table --cli-input-json</c> takes it, and each time-to-live setting as
/// <c>update-time-to-live --cli-input-json</c> takes it.
/// </summary>
internal static class DynamoDbTableDefinitionWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(IEnumerable<CreateTableRequest> tables, IEnumerable<(string Table, string Attribute)> timeToLive)
        => new JsonObject
        {
            ["Tables"] = new JsonArray(tables.Select(Table).ToArray<JsonNode?>()),
            ["TimeToLive"] = new JsonArray(timeToLive.Select(ttl => (JsonNode?)new JsonObject
            {
                ["TableName"] = ttl.Table,
                ["TimeToLiveSpecification"] = new JsonObject { ["Enabled"] = true, ["AttributeName"] = ttl.Attribute },
            }).ToArray()),
        }.ToJsonString(Indented);

    private static JsonObject Table(CreateTableRequest request)
    {
        var table = new JsonObject
        {
            ["TableName"] = request.TableName,
            ["AttributeDefinitions"] = Array(request.AttributeDefinitions, a => new JsonObject
            {
                ["AttributeName"] = a.AttributeName, ["AttributeType"] = a.AttributeType.Value,
            }),
            ["KeySchema"] = KeySchema(request.KeySchema),
            ["BillingMode"] = request.BillingMode.Value,
        };
        Add(table, "ProvisionedThroughput", Throughput(request.ProvisionedThroughput));
        Add(table, "GlobalSecondaryIndexes", request.GlobalSecondaryIndexes is { Count: > 0 } global
            ? Array(global, i => Index(i.IndexName, i.KeySchema, i.Projection, i.ProvisionedThroughput))
            : null);
        Add(table, "LocalSecondaryIndexes", request.LocalSecondaryIndexes is { Count: > 0 } local
            ? Array(local, i => Index(i.IndexName, i.KeySchema, i.Projection, null))
            : null);
        Add(table, "StreamSpecification", request.StreamSpecification is { } stream
            ? new JsonObject { ["StreamEnabled"] = stream.StreamEnabled, ["StreamViewType"] = stream.StreamViewType?.Value }
            : null);
        return table;
    }

    private static JsonObject Index(string name, List<KeySchemaElement> keySchema, Projection projection, ProvisionedThroughput? throughput)
    {
        var index = new JsonObject
        {
            ["IndexName"] = name,
            ["KeySchema"] = KeySchema(keySchema),
            ["Projection"] = new JsonObject { ["ProjectionType"] = projection.ProjectionType.Value },
        };
        if (projection.NonKeyAttributes is { Count: > 0 } attributes)
        {
            index["Projection"]!["NonKeyAttributes"] = new JsonArray(attributes.Select(a => (JsonNode?)a).ToArray());
        }

        Add(index, "ProvisionedThroughput", Throughput(throughput));
        return index;
    }

    private static JsonArray KeySchema(List<KeySchemaElement> keySchema)
        => Array(keySchema, k => new JsonObject { ["AttributeName"] = k.AttributeName, ["KeyType"] = k.KeyType.Value });

    private static JsonObject? Throughput(ProvisionedThroughput? throughput)
        => throughput == null
            ? null
            : new JsonObject { ["ReadCapacityUnits"] = throughput.ReadCapacityUnits, ["WriteCapacityUnits"] = throughput.WriteCapacityUnits };

    private static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonObject> write) => new(items.Select(i => (JsonNode?)write(i)).ToArray());

    private static void Add(JsonObject json, string name, JsonNode? value)
    {
        if (value != null)
        {
            json[name] = value;
        }
    }
}
