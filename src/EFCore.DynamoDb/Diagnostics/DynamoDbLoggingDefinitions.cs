using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.Diagnostics;

/// <summary>The lazily created event definitions of the DynamoDB provider's log messages.</summary>
internal sealed class DynamoDbLoggingDefinitions : LoggingDefinitions
{
    public EventDefinitionBase? LogExecutedGetItem;
    public EventDefinitionBase? LogExecutedQuery;
    public EventDefinitionBase? LogExecutedScan;
    public EventDefinitionBase? LogExecutedPutItem;
    public EventDefinitionBase? LogExecutedUpdateItem;
    public EventDefinitionBase? LogExecutedDeleteItem;
    public EventDefinitionBase? LogExecutedCreateTable;
    public EventDefinitionBase? LogExecutedDeleteTable;
    public EventDefinitionBase? LogExecutedDescribeTable;
    public EventDefinitionBase? LogExecutedListTables;
    public EventDefinitionBase? LogRequestFailed;
    public EventDefinitionBase? LogScanQueryWarning;
    public EventDefinitionBase? LogExecutedTransactWriteItems;
    public EventDefinitionBase? LogSaveNotAtomicWarning;
    public EventDefinitionBase? LogAmbientTransactionWarning;
    public EventDefinitionBase? LogExecutedExecuteStatement;
    public EventDefinitionBase? LogExecutedUpdateTimeToLive;
    public EventDefinitionBase? LogExecutedUpdateTable;
    public EventDefinitionBase? LogTableSchemaMismatchWarning;
    public EventDefinitionBase? LogExecutedBatchGetItem;
    public EventDefinitionBase? LogExecutedBatchWriteItem;
    public EventDefinitionBase? LogDynamoDbSaveChangesCompleted;
    public EventDefinitionBase? LogQueryCompleted;
    public EventDefinitionBase? LogValuesAggregated;
}
