using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Diagnostics;
using Microsoft.EntityFrameworkCore;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Update;
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
/// a failure says which writes were already applied. A deleted principal's dependents that are not loaded are found
/// and deleted (cascade) or unlinked (set null) in the same transaction, or the save is refused before anything is
/// sent when they do not fit in one.
/// </summary>
internal sealed class DynamoDbDatabase(
    DatabaseDependencies dependencies,
    ICurrentDbContext currentContext,
    DynamoDbClientWrapper clientWrapper,
    DynamoDbWriteCommandFactory commandFactory,
    DynamoDbBatchWriter batchWriter,
    DynamoDbUnloadedDependentFinder dependentFinder,
    IDiagnosticsLogger<DbLoggerCategory.Update> updateLogger)
    : Database(dependencies)
{
    public override int SaveChanges(IList<IUpdateEntry> entries) => DynamoDbClientWrapper.Wait(() => SaveChangesAsync(entries));

    public override async Task<int> SaveChangesAsync(IList<IUpdateEntry> entries, CancellationToken cancellationToken = default)
    {
        if (System.Transactions.Transaction.Current != null)
        {
            updateLogger.AmbientTransactionWarning();
        }

        var before = clientWrapper.Totals;
        var saved = await SaveAsync(entries, cancellationToken).ConfigureAwait(false);
        var after = clientWrapper.Totals;
        updateLogger.SaveChangesCompleted(saved, after.Requests - before.Requests, after.Capacity - before.Capacity);
        return saved;
    }

    private async Task<int> SaveAsync(IList<IUpdateEntry> entries, CancellationToken cancellationToken)
    {
        var commands = commandFactory.CreateAll(entries);
        var behavior = currentContext.Context.Database.AutoTransactionBehavior;
        var (dependents, counts) = await dependentFinder.FindAsync(entries, commands, cancellationToken).ConfigureAwait(false);
        if (dependents.Count > 0)
        {
            commands.AddRange(dependents);
            if (behavior != AutoTransactionBehavior.Never && Transactions(commands).Skip(1).Any())
            {
                throw new InvalidOperationException(DynamoDbStrings.CascadeTooLarge(
                    string.Join(", ", counts.Select(c => DynamoDbStrings.DependentsThrough(c.Value, DynamoDbUnloadedDependentFinder.Describe(c.Key)))),
                    dependents.Count,
                    commands.Count,
                    DynamoDbServiceLimits.TransactionItems));
            }
        }

        CheckOneWritePerItem(commands);
        if (commands.Count > 1)
        {
            await (behavior == AutoTransactionBehavior.Never
                ? SaveWithoutTransactionAsync(commands, cancellationToken)
                : SaveInTransactionsAsync(commands, behavior, cancellationToken)).ConfigureAwait(false);
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
        var transactions = Transactions(commands).ToList();
        if (transactions.Count > 1)
        {
            if (behavior == AutoTransactionBehavior.Always)
            {
                throw new InvalidOperationException(DynamoDbStrings.TooManyWritesForOneTransaction(commands.Count, DynamoDbServiceLimits.TransactionItems, commands.Sum(c => c.Write.Size)));
            }

            updateLogger.SaveNotAtomicWarning(commands.Count, transactions.Count);
        }

        var applied = 0;
        foreach (var transaction in transactions)
        {
            var request = DynamoDbWriteRenderer.Transaction(transaction.Select(c => c.Write));

            try
            {
                await SendTransactionAsync(request, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// <c>AutoTransactionBehavior.Never</c>: unconditional inserts and deletes in <c>BatchWriteItem</c> requests, the
    /// other writes as single conditional requests, all with bounded concurrency. When some fail, those that were
    /// written are accepted (so a retry sends only the rest) and the exception names what was not written.
    /// </summary>
    private async Task SaveWithoutTransactionAsync(List<DynamoDbWriteCommand> commands, CancellationToken cancellationToken)
    {
        var concurrency = clientWrapper.Settings.MaxWriteConcurrency;
        var singles = commands.Where(c => !c.CanBatch).ToList();
        var singleFailures = new System.Collections.Concurrent.ConcurrentBag<(DynamoDbWriteCommand Command, Exception Error)>();
        var batches = batchWriter.WriteAsync(commands.Where(c => c.CanBatch).ToList(), concurrency, cancellationToken);
        await Parallel.ForEachAsync(
            singles,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (command, token) =>
            {
                try
                {
                    await SendAsync(command, token).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    singleFailures.Add((command, exception));
                }
            }).ConfigureAwait(false);

        var (batched, notBatched, batchError) = await batches.ConfigureAwait(false);
        var failed = singleFailures.Select(f => f.Command).Concat(notBatched).ToHashSet();
        var written = commands.Where(c => !failed.Contains(c)).ToList();
        foreach (var command in written)
        {
            command.Complete();
        }

        if (failed.Count == 0)
        {
            return;
        }

        foreach (var entry in written.SelectMany(c => c.OwnedEntries.Prepend(c.Entry)))
        {
            ((Microsoft.EntityFrameworkCore.ChangeTracking.Internal.InternalEntityEntry)entry).AcceptChanges();
        }

        if (!singleFailures.IsEmpty)
        {
            var (command, error) = singleFailures.First();
            throw DynamoDbUpdateExceptionFactory.Create(error, command, commandFactory.DescribeKey(command.Entry), written.Count, commands.Count);
        }

        throw new DbUpdateException(
            DynamoDbStrings.BatchSaveFailed(failed.Count, commands.Count, batchError?.Message ?? ""),
            batchError,
            failed.Select(c => c.Entry).ToList());
    }

    /// <summary>Groups writes into transactions of at most 100 writes and 4 MB, in order.</summary>
    private static IEnumerable<DynamoDbWriteCommand[]> Transactions(List<DynamoDbWriteCommand> commands)
    {
        var current = new List<DynamoDbWriteCommand>();
        long size = 0;
        foreach (var command in commands)
        {
            if (current.Count == DynamoDbServiceLimits.TransactionItems || (current.Count > 0 && size + command.Write.Size > DynamoDbServiceLimits.TransactionBytes))
            {
                yield return current.ToArray();
                (current, size) = ([], 0);
            }

            current.Add(command);
            size += command.Write.Size;
        }

        if (current.Count > 0)
        {
            yield return current.ToArray();
        }
    }

    /// <summary>Refuses two writes to one item in a save: DynamoDB applies neither in one transaction or batch.</summary>
    private void CheckOneWritePerItem(List<DynamoDbWriteCommand> commands)
    {
        if (commands.Count < 2)
        {
            return;
        }

        var duplicate = commands
            .GroupBy(c => c.KeyIdentity)
            .FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null)
        {
            var first = duplicate.First();
            throw new InvalidOperationException(DynamoDbStrings.TwoWritesToOneItem(
                string.Join(", ", duplicate.Select(c => c.Entry.EntityType.DisplayName()).Distinct()),
                commandFactory.DescribeKey(first.Entry),
                first.Write.TableName));
        }
    }

    /// <summary>The write a cancelled transaction blames (its reasons are in request order), else the first.</summary>
    private static DynamoDbWriteCommand FailedCommand(Exception exception, DynamoDbWriteCommand[] transaction)
    {
        var reasons = (exception as TransactionCanceledException)?.CancellationReasons;
        var index = reasons?.FindIndex(r => r.Code is { } code && code != "None") ?? -1;
        return index >= 0 && index < transaction.Length ? transaction[index] : transaction[0];
    }

    /// <summary>
    /// Sends a transaction, again (with the same <c>ClientRequestToken</c>, so it cannot apply twice) while DynamoDB
    /// cancels it only for transient reasons: conflicts with other transactions, or throttling.
    /// </summary>
    private async Task SendTransactionAsync(TransactWriteItemsRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await clientWrapper.TransactWriteItemsAsync(request, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (TransactionCanceledException exception) when (attempt < DynamoDbRetryCaps.TransactionAttempts && IsTransient(exception))
            {
                await Task.Delay(DynamoDbBackoff.Delay(attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool IsTransient(TransactionCanceledException exception)
        => exception.CancellationReasons is { Count: > 0 } reasons
            && reasons.Any(r => IsTransientReason(r.Code))
            && reasons.All(r => r.Code is null or "None" || IsTransientReason(r.Code));

    private static bool IsTransientReason(string? code)
        => code is "TransactionConflict" or "ThrottlingError" or "ProvisionedThroughputExceeded" or "RequestLimitExceeded";

    private Task SendAsync(DynamoDbWriteCommand command, CancellationToken cancellationToken)
        => DynamoDbWriteRenderer.SendAsync(clientWrapper, command.Write, cancellationToken);
}
