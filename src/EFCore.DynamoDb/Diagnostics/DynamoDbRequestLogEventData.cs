using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.Diagnostics;

/// <summary>The payload of a logged DynamoDB request event, for diagnostic listeners and EF Core's simple logging.</summary>
internal sealed class DynamoDbRequestLogEventData(
    EventDefinitionBase eventDefinition,
    Func<EventDefinitionBase, EventData, string> messageGenerator,
    string operation,
    string tableName,
    string requestText,
    TimeSpan elapsed,
    double? consumedCapacity,
    string? errorCode)
    : EventData(eventDefinition, messageGenerator)
{
    public string Operation { get; } = operation;
    public string TableName { get; } = tableName;
    public string RequestText { get; } = requestText;
    public TimeSpan Elapsed { get; } = elapsed;
    public double? ConsumedCapacity { get; } = consumedCapacity;
    public string? ErrorCode { get; } = errorCode;
}
