using System.Buffers;
using System.Linq.Expressions;
using System.Text.Json;
using EFCore.DynamoDb.Metadata;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// <c>ExportItemsAsync</c>: scans every item of an entity type's table (other types sharing the table included), with
/// the export's segments and rate limit, and writes each as a line of DynamoDB JSON as pages arrive.
/// </summary>
internal sealed class DynamoDbTableExporter(IQueryContextFactory queryContextFactory)
{
    public async Task<long> ExportAsync(
        IEntityType entityType, Stream destination, DynamoDbExportOptions options, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var cursor = new DynamoDbReadCursor((DynamoDbQueryContext)queryContextFactory.Create(), Plan(entityType, options), null, DynamoDbConditionWriter.NoParameters);
        var buffer = new ArrayBufferWriter<byte>();
        await using var writer = new Utf8JsonWriter(buffer);
        long exported = 0;
        try
        {
            while (await cursor.ReadNextPageAsync(cancellationToken).ConfigureAwait(false) is { } page)
            {
                foreach (var item in page.Items)
                {
                    DynamoDbJson.WriteLine(writer, item);
                    buffer.Write("\n"u8);
                }

                await destination.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                buffer.ResetWrittenCount();
                exported += page.Items.Count;
                progress?.Report(exported);
            }
        }
        finally
        {
            cursor.Abandon();
        }

        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
        return exported;
    }

    /// <summary>A scan of the whole table: no filter, so the items of every entity type stored in it are read.</summary>
    private static DynamoDbReadPlan Plan(IEntityType entityType, DynamoDbExportOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.TotalSegments, nameof(options.TotalSegments));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.TotalSegments, DynamoDbServiceLimits.ScanSegments, nameof(options.TotalSegments));
        if (options.MaxConcurrency is { } concurrency)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concurrency, nameof(options.MaxConcurrency));
        }

        if (options.ReadCapacityUnitsPerSecond is { } rate && (!double.IsFinite(rate) || rate <= 0))
        {
            throw new ArgumentException(Properties.DynamoDbStrings.RateLimitMustBePositive, nameof(options));
        }

        var itemType = DynamoDbOwnedKeys.ItemOwner(entityType).GetRootType();
        var segments = new DynamoDbScanSegments(
            options.TotalSegments, null, options.MaxConcurrency ?? Math.Min(options.TotalSegments, DynamoDbScanSegments.DefaultMaxConcurrency));
        return new DynamoDbReadPlan
        {
            Operation = DynamoDbReadOperation.Scan,
            EntityType = itemType,
            TableName = itemType.GetTableName()!,
            KeyProperties = itemType.FindPrimaryKey()!.Properties,
            QueryText = $"ExportItemsAsync<{entityType.DisplayName()}>()",
            AllowScan = true,
            ConsistentRead = options.ConsistentRead ? true : null,
            ScanSegments = options.TotalSegments > 1 ? Expression.Constant(segments) : null,
            ReadRateLimit = options.ReadCapacityUnitsPerSecond is { } unitsPerSecond
                ? Expression.Constant(new DynamoDbReadRateLimit(unitsPerSecond, options.Timeout))
                : null,
        };
    }
}
