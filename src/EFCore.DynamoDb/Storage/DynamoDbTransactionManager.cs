using EFCore.DynamoDb.Properties;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Storage;

/// <summary>
/// DynamoDB has no user transactions: <c>BeginTransaction</c> is refused. A SaveChanges is made atomic by the
/// provider itself (TransactWriteItems), not by an ambient transaction.
/// </summary>
internal sealed class DynamoDbTransactionManager : IDbContextTransactionManager, ITransactionEnlistmentManager
{
    /// <summary>Never an ambient transaction: execution strategies ask before they retry.</summary>
    public System.Transactions.Transaction? EnlistedTransaction => null;

    public void EnlistTransaction(System.Transactions.Transaction? transaction)
    {
        if (transaction != null)
        {
            throw Refuse();
        }
    }

    public IDbContextTransaction? CurrentTransaction => null;

    public IDbContextTransaction BeginTransaction() => throw Refuse();

    public Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default) => throw Refuse();

    public void CommitTransaction() => throw Refuse();

    public Task CommitTransactionAsync(CancellationToken cancellationToken = default) => throw Refuse();

    public void RollbackTransaction() => throw Refuse();

    public Task RollbackTransactionAsync(CancellationToken cancellationToken = default) => throw Refuse();

    public void ResetState()
    {
    }

    public Task ResetStateAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    private static InvalidOperationException Refuse() => new(DynamoDbStrings.TransactionsNotSupported);
}
