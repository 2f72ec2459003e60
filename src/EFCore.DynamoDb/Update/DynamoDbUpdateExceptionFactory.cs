using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Update;

/// <summary>
/// Maps a failed write to EF Core's exceptions by DynamoDB error type and code (never by message): a failed
/// existence or concurrency condition is a <see cref="DbUpdateConcurrencyException"/>, a duplicate insert and any
/// other failure a <see cref="DbUpdateException"/>; each names the entity and key and says what was already written.
/// </summary>
internal static class DynamoDbUpdateExceptionFactory
{
    private static string Reasons(TransactionCanceledException exception)
        => string.Join(", ", exception.CancellationReasons?.Select(r => r.Code ?? "None") ?? []);

    public static DbUpdateException Create(Exception exception, DynamoDbWriteCommand command, string key, int applied, int total)
    {
        var entityType = command.Entry.EntityType.DisplayName();
        var entries = new[] { command.Entry };
        var written = applied > 0 ? " " + DynamoDbStrings.PartialSave(applied, total) : "";
        var conditionFailed = exception is ConditionalCheckFailedException
            || (exception is TransactionCanceledException { CancellationReasons: { } reasons }
                && reasons.Any(r => r.Code == "ConditionalCheckFailed"));
        return exception switch
        {
            TransactionCanceledException when conditionFailed && command.Entry.EntityState == EntityState.Added
                => new DbUpdateException(DynamoDbStrings.DuplicateKey(entityType, key) + " " + DynamoDbStrings.TransactionNotApplied + written, exception, entries),
            TransactionCanceledException when conditionFailed
                => new DbUpdateConcurrencyException(DynamoDbStrings.ItemMissingOrChanged(entityType, key) + " " + DynamoDbStrings.TransactionNotApplied + written, exception, entries),
            TransactionCanceledException canceled
                => new DbUpdateException(DynamoDbStrings.TransactionCanceled(Reasons(canceled)) + written, exception, entries),
            ConditionalCheckFailedException when command.Entry.EntityState == EntityState.Added
                => new DbUpdateException(DynamoDbStrings.DuplicateKey(entityType, key) + written, exception, entries),
            ConditionalCheckFailedException
                => new DbUpdateConcurrencyException(DynamoDbStrings.ItemMissingOrChanged(entityType, key) + written, exception, entries),
            AmazonServiceException service
                => new DbUpdateException(DynamoDbStrings.WriteFailed(entityType, key, service.ErrorCode ?? service.StatusCode.ToString(), service.Message) + written, exception, entries),
            _ => new DbUpdateException(DynamoDbStrings.WriteFailed(entityType, key, exception.GetType().Name, exception.Message) + written, exception, entries),
        };
    }
}
