using System.Globalization;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EFCore.DynamoDb.Diagnostics;

/// <summary>One logging method per <see cref="DynamoDbEventId"/>.</summary>
internal static class DynamoDbLoggerExtensions
{
    private const string ExecutedMessage
        = "Executed DynamoDB {Operation} on table '{Table}' in {Elapsed} ms (consumed capacity: {Capacity}):{Request}";

    public static void ExecutedGetItem(this IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics, DynamoDbRequestLog log)
        => LogRequest(diagnostics, ref Definitions(diagnostics).LogExecutedGetItem, DynamoDbEventId.ExecutedGetItem, LogLevel.Information, log);

    public static void ExecutedQuery(this IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics, DynamoDbRequestLog log)
        => LogRequest(diagnostics, ref Definitions(diagnostics).LogExecutedQuery, DynamoDbEventId.ExecutedQuery, LogLevel.Information, log);

    public static void ExecutedScan(this IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics, DynamoDbRequestLog log)
        => LogRequest(diagnostics, ref Definitions(diagnostics).LogExecutedScan, DynamoDbEventId.ExecutedScan, LogLevel.Information, log);

    public static void ExecutedPutItem(this IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics, DynamoDbRequestLog log)
        => LogRequest(diagnostics, ref Definitions(diagnostics).LogExecutedPutItem, DynamoDbEventId.ExecutedPutItem, LogLevel.Information, log);

    public static void ExecutedUpdateItem(this IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics, DynamoDbRequestLog log)
        => LogRequest(diagnostics, ref Definitions(diagnostics).LogExecutedUpdateItem, DynamoDbEventId.ExecutedUpdateItem, LogLevel.Information, log);

    public static void ExecutedDeleteItem(this IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics, DynamoDbRequestLog log)
        => LogRequest(diagnostics, ref Definitions(diagnostics).LogExecutedDeleteItem, DynamoDbEventId.ExecutedDeleteItem, LogLevel.Information, log);

    public static void ExecutedCreateTable(this IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics, DynamoDbRequestLog log)
        => LogRequest(diagnostics, ref Definitions(diagnostics).LogExecutedCreateTable, DynamoDbEventId.ExecutedCreateTable, LogLevel.Information, log);

    public static void ExecutedDeleteTable(this IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics, DynamoDbRequestLog log)
        => LogRequest(diagnostics, ref Definitions(diagnostics).LogExecutedDeleteTable, DynamoDbEventId.ExecutedDeleteTable, LogLevel.Information, log);

    public static void ExecutedDescribeTable(this IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics, DynamoDbRequestLog log)
        => LogRequest(diagnostics, ref Definitions(diagnostics).LogExecutedDescribeTable, DynamoDbEventId.ExecutedDescribeTable, LogLevel.Debug, log);

    public static void ExecutedListTables(this IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics, DynamoDbRequestLog log)
        => LogRequest(diagnostics, ref Definitions(diagnostics).LogExecutedListTables, DynamoDbEventId.ExecutedListTables, LogLevel.Debug, log);

    public static void ExecutedTransactWriteItems(this IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics, DynamoDbRequestLog log)
        => LogRequest(diagnostics, ref Definitions(diagnostics).LogExecutedTransactWriteItems, DynamoDbEventId.ExecutedTransactWriteItems, LogLevel.Information, log);

    public static void ExecutedExecuteStatement(this IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics, DynamoDbRequestLog log)
        => LogRequest(diagnostics, ref Definitions(diagnostics).LogExecutedExecuteStatement, DynamoDbEventId.ExecutedExecuteStatement, LogLevel.Information, log);

    public static void ExecutedUpdateTimeToLive(this IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics, DynamoDbRequestLog log)
        => LogRequest(diagnostics, ref Definitions(diagnostics).LogExecutedUpdateTimeToLive, DynamoDbEventId.ExecutedUpdateTimeToLive, LogLevel.Information, log);

    public static void ExecutedUpdateTable(this IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics, DynamoDbRequestLog log)
        => LogRequest(diagnostics, ref Definitions(diagnostics).LogExecutedUpdateTable, DynamoDbEventId.ExecutedUpdateTable, LogLevel.Information, log);

    public static void TableSchemaMismatchWarning(
        this IDiagnosticsLogger<DbLoggerCategory.Database> diagnostics, string table, string part, string existing, string model)
    {
        var definitions = (DynamoDbLoggingDefinitions)diagnostics.Definitions;
        var definition = (EventDefinition<string, string, string, string>)(definitions.LogTableSchemaMismatchWarning ??= new EventDefinition<string, string, string, string>(
            diagnostics.Options,
            DynamoDbEventId.TableSchemaMismatchWarning,
            LogLevel.Warning,
            "DynamoDbEventId.TableSchemaMismatchWarning",
            level => LoggerMessage.Define<string, string, string, string>(
                level,
                DynamoDbEventId.TableSchemaMismatchWarning,
                "The existing table '{Table}' differs from the model in its {Part}: the table has {Existing}, the model {Model}. EnsureCreated changes nothing destructive: migrate the table yourself.")));

        if (diagnostics.ShouldLog(definition))
        {
            definition.Log(diagnostics, table, part, existing, model);
        }

        if (diagnostics.NeedsEventData(definition, out var diagnosticSourceEnabled, out var simpleLogEnabled))
        {
            var eventData = new EventData(definition, (d, _) => ((EventDefinition<string, string, string, string>)d).GenerateMessage(table, part, existing, model));
            diagnostics.DispatchEventData(definition, eventData, diagnosticSourceEnabled, simpleLogEnabled);
        }
    }

    public static void ExecutedBatchGetItem(this IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics, DynamoDbRequestLog log)
        => LogRequest(diagnostics, ref Definitions(diagnostics).LogExecutedBatchGetItem, DynamoDbEventId.ExecutedBatchGetItem, LogLevel.Information, log);

    public static void ExecutedBatchWriteItem(this IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics, DynamoDbRequestLog log)
        => LogRequest(diagnostics, ref Definitions(diagnostics).LogExecutedBatchWriteItem, DynamoDbEventId.ExecutedBatchWriteItem, LogLevel.Information, log);

    public static void SaveChangesCompleted(this IDiagnosticsLogger<DbLoggerCategory.Update> diagnostics, int entries, int requests, double capacity)
        => LogTotals(diagnostics, ref ((DynamoDbLoggingDefinitions)diagnostics.Definitions).LogDynamoDbSaveChangesCompleted, DynamoDbEventId.SaveChangesCompleted,
            "SaveChanges wrote {Count} entries with {Requests} DynamoDB requests consuming {Capacity} capacity units.", entries, requests, capacity);

    public static void QueryCompleted(this IDiagnosticsLogger<DbLoggerCategory.Query> diagnostics, int results, int requests, double capacity)
        => LogTotals(diagnostics, ref ((DynamoDbLoggingDefinitions)diagnostics.Definitions).LogQueryCompleted, DynamoDbEventId.QueryCompleted,
            "A query returned {Count} results with {Requests} DynamoDB requests consuming {Capacity} capacity units.", results, requests, capacity);

    public static void ValuesAggregated(this IDiagnosticsLogger<DbLoggerCategory.Query> diagnostics, string method, int values, string attribute)
    {
        var definition = (EventDefinition<string, int, string>)(((DynamoDbLoggingDefinitions)diagnostics.Definitions).LogValuesAggregated
            ??= new EventDefinition<string, int, string>(
                diagnostics.Options,
                DynamoDbEventId.ValuesAggregated,
                LogLevel.Debug,
                "DynamoDbEventId." + nameof(DynamoDbEventId.ValuesAggregated),
                level => LoggerMessage.Define<string, int, string>(
                    level, DynamoDbEventId.ValuesAggregated, "{Method} combined {Count} values of '{Attribute}' read from DynamoDB on the client.")));

        var shouldLog = diagnostics.ShouldLog(definition);
        var needsEventData = diagnostics.NeedsEventData(definition, out var diagnosticSourceEnabled, out var simpleLogEnabled);
        if (shouldLog)
        {
            definition.Log(diagnostics, method, values, attribute);
        }

        if (needsEventData)
        {
            var eventData = new EventData(definition, (d, _) => ((EventDefinition<string, int, string>)d).GenerateMessage(method, values, attribute));
            diagnostics.DispatchEventData(definition, eventData, diagnosticSourceEnabled, simpleLogEnabled);
        }
    }

    private static void LogTotals<TCategory>(
        IDiagnosticsLogger<TCategory> diagnostics, ref EventDefinitionBase? cached, EventId eventId, string message, int count, int requests, double capacity)
        where TCategory : LoggerCategory<TCategory>, new()
    {
        var definition = (EventDefinition<int, int, string>)(cached ??= new EventDefinition<int, int, string>(
            diagnostics.Options,
            eventId,
            LogLevel.Debug,
            "DynamoDbEventId." + eventId.Name![(eventId.Name!.LastIndexOf('.') + 1)..],
            level => LoggerMessage.Define<int, int, string>(level, eventId, message)));

        var shouldLog = diagnostics.ShouldLog(definition);
        var needsEventData = diagnostics.NeedsEventData(definition, out var diagnosticSourceEnabled, out var simpleLogEnabled);
        if (!shouldLog && !needsEventData)
        {
            return;
        }

        var capacityText = capacity.ToString(CultureInfo.InvariantCulture);
        if (shouldLog)
        {
            definition.Log(diagnostics, count, requests, capacityText);
        }

        if (needsEventData)
        {
            var eventData = new EventData(definition, (d, _) => ((EventDefinition<int, int, string>)d).GenerateMessage(count, requests, capacityText));
            diagnostics.DispatchEventData(definition, eventData, diagnosticSourceEnabled, simpleLogEnabled);
        }
    }

    public static void SaveNotAtomicWarning(this IDiagnosticsLogger<DbLoggerCategory.Update> diagnostics, int writes, int transactions)
    {
        var definitions = (DynamoDbLoggingDefinitions)diagnostics.Definitions;
        var definition = (EventDefinition<int, int, int>)(definitions.LogSaveNotAtomicWarning ??= new EventDefinition<int, int, int>(
            diagnostics.Options,
            DynamoDbEventId.SaveNotAtomicWarning,
            LogLevel.Warning,
            "DynamoDbEventId.SaveNotAtomicWarning",
            level => LoggerMessage.Define<int, int, int>(
                level,
                DynamoDbEventId.SaveNotAtomicWarning,
                "SaveChanges has {Writes} writes, more than one DynamoDB transaction holds ({Max}): it is sent as {Transactions} transactions and is not atomic as a whole. Use AutoTransactionBehavior.Always to refuse such saves.")));

        if (diagnostics.ShouldLog(definition))
        {
            definition.Log(diagnostics, writes, DynamoDbServiceLimits.TransactionItems, transactions);
        }

        if (diagnostics.NeedsEventData(definition, out var diagnosticSourceEnabled, out var simpleLogEnabled))
        {
            var eventData = new EventData(definition, (d, _) => ((EventDefinition<int, int, int>)d).GenerateMessage(writes, DynamoDbServiceLimits.TransactionItems, transactions));
            diagnostics.DispatchEventData(definition, eventData, diagnosticSourceEnabled, simpleLogEnabled);
        }
    }

    public static void AmbientTransactionWarning(this IDiagnosticsLogger<DbLoggerCategory.Update> diagnostics)
    {
        var definitions = (DynamoDbLoggingDefinitions)diagnostics.Definitions;
        var definition = (EventDefinition)(definitions.LogAmbientTransactionWarning ??= new EventDefinition(
            diagnostics.Options,
            DynamoDbEventId.AmbientTransactionWarning,
            LogLevel.Warning,
            "DynamoDbEventId.AmbientTransactionWarning",
            level => LoggerMessage.Define(
                level,
                DynamoDbEventId.AmbientTransactionWarning,
                "SaveChanges runs inside an ambient transaction (TransactionScope), which DynamoDB cannot take part in: its writes would not be rolled back with it. One SaveChanges is already atomic (one TransactWriteItems): make the changes that belong together in one SaveChanges.")));

        if (diagnostics.ShouldLog(definition))
        {
            definition.Log(diagnostics);
        }

        if (diagnostics.NeedsEventData(definition, out var diagnosticSourceEnabled, out var simpleLogEnabled))
        {
            var eventData = new EventData(definition, (d, _) => ((EventDefinition)d).GenerateMessage());
            diagnostics.DispatchEventData(definition, eventData, diagnosticSourceEnabled, simpleLogEnabled);
        }
    }

    public static void RequestFailed(this IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics, DynamoDbRequestLog log)
    {
        var definitions = Definitions(diagnostics);
        var definition = (EventDefinition<string, string, string, string>)(definitions.LogRequestFailed ??= new EventDefinition<string, string, string, string>(
            diagnostics.Options,
            DynamoDbEventId.RequestFailed,
            LogLevel.Warning,
            "DynamoDbEventId.RequestFailed",
            level => LoggerMessage.Define<string, string, string, string>(
                level, DynamoDbEventId.RequestFailed, "DynamoDB {Operation} on table '{Table}' failed with {ErrorCode}:{Request}")));

        if (diagnostics.ShouldLog(definition) || diagnostics.NeedsEventData(definition, out _, out _))
        {
            var text = DynamoDbRequestPrinter.Print(log.Request, diagnostics.ShouldLogSensitiveData());
            var errorCode = log.ErrorCode ?? "an error";
            if (diagnostics.ShouldLog(definition))
            {
                definition.Log(diagnostics, log.Operation, log.TableName, errorCode, Environment.NewLine + text);
            }

            Dispatch(diagnostics, definition, log, text, (d, _) => ((EventDefinition<string, string, string, string>)d).GenerateMessage(
                log.Operation, log.TableName, errorCode, Environment.NewLine + text));
        }
    }

    public static void ScanQueryWarning(this IDiagnosticsLogger<DbLoggerCategory.Query> diagnostics, string tableName, string query, string skippedIndexNote)
    {
        var definitions = (DynamoDbLoggingDefinitions)diagnostics.Definitions;
        var definition = (EventDefinition<string, string, string>)(definitions.LogScanQueryWarning ??= new EventDefinition<string, string, string>(
            diagnostics.Options,
            DynamoDbEventId.ScanQueryWarning,
            LogLevel.Warning,
            "DynamoDbEventId.ScanQueryWarning",
            level => LoggerMessage.Define<string, string, string>(
                level,
                DynamoDbEventId.ScanQueryWarning,
                "A full-table Scan of '{Table}' answers the query '{Query}'. Fix the partition key in the query, use AllowScan() to accept the scan, or configure ScanBehavior.{SkippedIndex}")));

        if (diagnostics.ShouldLog(definition))
        {
            definition.Log(diagnostics, tableName, query, skippedIndexNote);
        }

        if (diagnostics.NeedsEventData(definition, out var diagnosticSourceEnabled, out var simpleLogEnabled))
        {
            var eventData = new EventData(definition, (d, _) => ((EventDefinition<string, string, string>)d).GenerateMessage(tableName, query, skippedIndexNote));
            diagnostics.DispatchEventData(definition, eventData, diagnosticSourceEnabled, simpleLogEnabled);
        }
    }

    private static void LogRequest(
        IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics,
        ref EventDefinitionBase? cached,
        EventId eventId,
        LogLevel level,
        DynamoDbRequestLog log)
    {
        var definition = (EventDefinition<string, string, string, string, string>)(cached ??= new EventDefinition<string, string, string, string, string>(
            diagnostics.Options,
            eventId,
            level,
            "DynamoDbEventId." + eventId.Name![(eventId.Name!.LastIndexOf('.') + 1)..],
            l => LoggerMessage.Define<string, string, string, string, string>(l, eventId, ExecutedMessage)));

        var shouldLog = diagnostics.ShouldLog(definition);
        if (!shouldLog && !diagnostics.NeedsEventData(definition, out _, out _))
        {
            return;
        }

        var text = DynamoDbRequestPrinter.Print(log.Request, diagnostics.ShouldLogSensitiveData());
        var elapsed = log.Elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture);
        var capacity = log.ConsumedCapacity?.ToString(CultureInfo.InvariantCulture) ?? "not reported";
        if (shouldLog)
        {
            definition.Log(diagnostics, log.Operation, log.TableName, elapsed, capacity, Environment.NewLine + text);
        }

        Dispatch(diagnostics, definition, log, text, (d, _) => ((EventDefinition<string, string, string, string, string>)d).GenerateMessage(
            log.Operation, log.TableName, elapsed, capacity, Environment.NewLine + text));
    }

    private static void Dispatch(
        IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics,
        EventDefinitionBase definition,
        DynamoDbRequestLog log,
        string text,
        Func<EventDefinitionBase, EventData, string> messageGenerator)
    {
        if (diagnostics.NeedsEventData(definition, out var diagnosticSourceEnabled, out var simpleLogEnabled))
        {
            var eventData = new DynamoDbRequestLogEventData(
                definition, messageGenerator, log.Operation, log.TableName, text, log.Elapsed, log.ConsumedCapacity, log.ErrorCode);
            diagnostics.DispatchEventData(definition, eventData, diagnosticSourceEnabled, simpleLogEnabled);
        }
    }

    private static DynamoDbLoggingDefinitions Definitions(IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics)
        => (DynamoDbLoggingDefinitions)diagnostics.Definitions;
}
