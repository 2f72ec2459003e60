using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Diagnostics;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Update;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.Storage;

/// <summary>
/// SaveChanges for DynamoDB. Every entry becomes its conditional write, all validated before anything is sent.
/// One write goes out alone; several go out as <c>TransactWriteItems</c> (all or nothing, at most 100 writes each),
/// unless <see cref="AutoTransactionBehavior.Never"/> asks for single writes. A save split into several
/// transactions is logged as not atomic as a whole (and refused under <see cref="AutoTransactionBehavior.Always"/>);
/// a failure says which writes were already applied.
/// </summary>
internal sealed class DynamoDbDatabase(
    DatabaseDependencies dependencies,
    ICurrentDbContext currentContext,
    DynamoDbClientWrapper clientWrapper,
    DynamoDbWriteCommandFactory commandFactory,
    IDiagnosticsLogger<DbLoggerCategory.Update> updateLogger)
    : Database(dependencies)
{
    /// <summary>DynamoDB's limit of writes in one transaction.</summary>
    public const int MaxTransactionItems = 100;

    public override int SaveChanges(IList<IUpdateEntry> entries) => DynamoDbClientWrapper.Wait(SaveChangesAsync(entries));

    public override async Task<int> SaveChangesAsync(IList<IUpdateEntry> entries, CancellationToken cancellationToken = default)
    {
        // A Deleted entry whose key is Added again in the same save is written by the Added entry's replacing Put.
        var commands = entries
            .Where(e => !(e.EntityState == EntityState.Deleted && e.SharedIdentityEntry != null))
            .Select(commandFactory.Create)
            .ToList();
        var behavior = currentContext.Context.Database.AutoTransactionBehavior;
        if (commands.Count > 1 && behavior != AutoTransactionBehavior.Never)
        {
            await SaveInTransactionsAsync(commands, behavior, cancellationToken).ConfigureAwait(false);
            return entries.Count;
        }

        var applied = 0;
        foreach (var command in commands)
        {
            try
            {
                await SendAsync(command, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested || applied > 0)
            {
                throw DynamoDbUpdateExceptionFactory.Create(exception, command, commandFactory.DescribeKey(command.Entry), applied, commands.Count);
            }

            command.Complete();
            applied++;
        }

        return entries.Count;
    }

    private async Task SaveInTransactionsAsync(
        List<DynamoDbWriteCommand> commands, AutoTransactionBehavior behavior, CancellationToken cancellationToken)
    {
        var transactions = commands.Chunk(MaxTransactionItems).ToList();
        if (transactions.Count > 1)
        {
            if (behavior == AutoTransactionBehavior.Always)
            {
                throw new InvalidOperationException(DynamoDbStrings.TooManyWritesForOneTransaction(commands.Count, MaxTransactionItems));
            }

            updateLogger.SaveNotAtomicWarning(commands.Count, transactions.Count);
        }

        var applied = 0;
        foreach (var transaction in transactions)
        {
            var request = new TransactWriteItemsRequest
            {
                TransactItems = transaction.Select(DynamoDbTransactWriteItemFactory.Create).ToList(),
                ClientRequestToken = Guid.NewGuid().ToString("N"),
                ReturnConsumedCapacity = Amazon.DynamoDBv2.ReturnConsumedCapacity.TOTAL,
            };

            try
            {
                await clientWrapper.TransactWriteItemsAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested || applied > 0)
            {
                var failed = FailedCommand(exception, transaction);
                throw DynamoDbUpdateExceptionFactory.Create(exception, failed, commandFactory.DescribeKey(failed.Entry), applied, commands.Count);
            }

            foreach (var command in transaction)
            {
                command.Complete();
            }

            applied += transaction.Length;
        }
    }

    /// <summary>The write a cancelled transaction blames (its reasons are in request order), else the first.</summary>
    private static DynamoDbWriteCommand FailedCommand(Exception exception, DynamoDbWriteCommand[] transaction)
    {
        var reasons = (exception as TransactionCanceledException)?.CancellationReasons;
        var index = reasons?.FindIndex(r => r.Code is { } code && code != "None") ?? -1;
        return index >= 0 && index < transaction.Length ? transaction[index] : transaction[0];
    }

    private Task SendAsync(DynamoDbWriteCommand command, CancellationToken cancellationToken)
        => command.Request switch
        {
            PutItemRequest put => clientWrapper.PutItemAsync(put, cancellationToken),
            UpdateItemRequest update => clientWrapper.UpdateItemAsync(update, cancellationToken),
            _ => clientWrapper.DeleteItemAsync((DeleteItemRequest)command.Request, cancellationToken),
        };
}
