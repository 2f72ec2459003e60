using Microsoft.Extensions.Logging;

namespace Microsoft.EntityFrameworkCore.Diagnostics;

/// <summary>
/// Event ids of the messages the DynamoDB provider logs. The numeric ids never change between releases.
/// Request events (<c>Executed*</c>) log the operation, table, expressions, consumed capacity and elapsed time;
/// attribute values appear only with <c>EnableSensitiveDataLogging()</c>.
/// </summary>
public static class DynamoDbEventId
{
    private const int BaseId = CoreEventId.ProviderBaseId;

    /// <summary>A <c>GetItem</c> request was sent.</summary>
    public static readonly EventId ExecutedGetItem = Make(0, nameof(ExecutedGetItem));

    /// <summary>A <c>Query</c> request was sent.</summary>
    public static readonly EventId ExecutedQuery = Make(1, nameof(ExecutedQuery));

    /// <summary>A <c>Scan</c> request was sent.</summary>
    public static readonly EventId ExecutedScan = Make(2, nameof(ExecutedScan));

    /// <summary>A <c>PutItem</c> request was sent.</summary>
    public static readonly EventId ExecutedPutItem = Make(3, nameof(ExecutedPutItem));

    /// <summary>An <c>UpdateItem</c> request was sent.</summary>
    public static readonly EventId ExecutedUpdateItem = Make(4, nameof(ExecutedUpdateItem));

    /// <summary>A <c>DeleteItem</c> request was sent.</summary>
    public static readonly EventId ExecutedDeleteItem = Make(5, nameof(ExecutedDeleteItem));

    /// <summary>A <c>CreateTable</c> request was sent.</summary>
    public static readonly EventId ExecutedCreateTable = Make(6, nameof(ExecutedCreateTable));

    /// <summary>A <c>DeleteTable</c> request was sent.</summary>
    public static readonly EventId ExecutedDeleteTable = Make(7, nameof(ExecutedDeleteTable));

    /// <summary>A <c>DescribeTable</c> request was sent.</summary>
    public static readonly EventId ExecutedDescribeTable = Make(8, nameof(ExecutedDescribeTable));

    /// <summary>A <c>ListTables</c> request was sent (connection check).</summary>
    public static readonly EventId ExecutedListTables = Make(9, nameof(ExecutedListTables));

    /// <summary>A request failed with a DynamoDB error.</summary>
    public static readonly EventId RequestFailed = Make(10, nameof(RequestFailed));

    /// <summary>A query is answered by a full-table <c>Scan</c> (a warning under <c>DynamoDbScanBehavior.Warn</c>).</summary>
    public static readonly EventId ScanQueryWarning = Make(11, nameof(ScanQueryWarning));

    /// <summary>A <c>TransactWriteItems</c> request was sent (a SaveChanges of several writes).</summary>
    public static readonly EventId ExecutedTransactWriteItems = Make(12, nameof(ExecutedTransactWriteItems));

    /// <summary>A SaveChanges had more writes than one transaction holds and was split: it is not atomic as a whole.</summary>
    public static readonly EventId SaveNotAtomicWarning = Make(13, nameof(SaveNotAtomicWarning));

    /// <summary>An <c>ExecuteStatement</c> (PartiQL) request was sent, for <c>FromPartiQL</c>.</summary>
    public static readonly EventId ExecutedExecuteStatement = Make(14, nameof(ExecutedExecuteStatement));

    /// <summary>An <c>UpdateTimeToLive</c> request was sent by <c>EnsureCreated</c>.</summary>
    public static readonly EventId ExecutedUpdateTimeToLive = Make(15, nameof(ExecutedUpdateTimeToLive));

    /// <summary>An <c>UpdateTable</c> request was sent by <c>EnsureCreated</c> (adding a global secondary index).</summary>
    public static readonly EventId ExecutedUpdateTable = Make(16, nameof(ExecutedUpdateTable));

    /// <summary>An existing table differs from the model in a way <c>EnsureCreated</c> does not change.</summary>
    public static readonly EventId TableSchemaMismatchWarning = Make(17, nameof(TableSchemaMismatchWarning));

    /// <summary>A <c>BatchGetItem</c> request was sent (completing index results from the table).</summary>
    public static readonly EventId ExecutedBatchGetItem = Make(18, nameof(ExecutedBatchGetItem));

    /// <summary>A <c>BatchWriteItem</c> request was sent (a SaveChanges under <c>AutoTransactionBehavior.Never</c>).</summary>
    public static readonly EventId ExecutedBatchWriteItem = Make(19, nameof(ExecutedBatchWriteItem));

    /// <summary>A SaveChanges finished: its requests and their total consumed capacity.</summary>
    public static readonly EventId SaveChangesCompleted = Make(20, nameof(SaveChangesCompleted));

    /// <summary>A query finished reading: its requests and their total consumed capacity.</summary>
    public static readonly EventId QueryCompleted = Make(21, nameof(QueryCompleted));

    /// <summary>
    /// SaveChanges ran inside an ambient transaction (<c>TransactionScope</c>), which DynamoDB cannot enlist in: an
    /// error unless configured otherwise with <c>ConfigureWarnings</c>.
    /// </summary>
    public static readonly EventId AmbientTransactionWarning = Make(22, nameof(AmbientTransactionWarning));

    /// <summary>
    /// <c>Sum</c>, <c>Min</c>, <c>Max</c> or <c>Average</c> combined on the client the values of one attribute read from
    /// DynamoDB (which has no aggregates): how many values were read.
    /// </summary>
    public static readonly EventId ValuesAggregated = Make(23, nameof(ValuesAggregated));

    private static EventId Make(int offset, string name) => new(BaseId + offset, "Microsoft.EntityFrameworkCore.DynamoDb." + name);
}
