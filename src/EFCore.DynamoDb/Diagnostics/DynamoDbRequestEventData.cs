using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.Diagnostics;

/// <summary>The payload of a DynamoDB request event, for diagnostic listeners and interceptors of log events.</summary>
internal sealed class DynamoDbRequestEventData(
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
