using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Update;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DynamoDb.Storage;

/// <summary>
/// SaveChanges for DynamoDB: every entry becomes its conditional write (all validated before the first is sent),
/// then the writes are sent one by one. A failure says which writes were already applied.
/// </summary>
internal sealed class DynamoDbDatabase(
    DatabaseDependencies dependencies,
    DynamoDbClientWrapper clientWrapper,
    DynamoDbWriteCommandFactory commandFactory)
    : Database(dependencies)
{
    public override int SaveChanges(IList<IUpdateEntry> entries) => DynamoDbClientWrapper.Wait(SaveChangesAsync(entries));

    public override async Task<int> SaveChangesAsync(IList<IUpdateEntry> entries, CancellationToken cancellationToken = default)
    {
        var commands = entries.Select(commandFactory.Create).ToList();
        var applied = 0;
        foreach (var command in commands)
        {
            try
            {
                await SendAsync(command, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw DynamoDbUpdateExceptionFactory.Create(exception, command, commandFactory.DescribeKey(command.Entry), applied, commands.Count);
            }

            command.Complete();
            applied++;
        }

        return applied;
    }

    private Task SendAsync(DynamoDbWriteCommand command, CancellationToken cancellationToken)
        => command.Request switch
        {
            PutItemRequest put => clientWrapper.PutItemAsync(put, cancellationToken),
            UpdateItemRequest update => clientWrapper.UpdateItemAsync(update, cancellationToken),
            _ => clientWrapper.DeleteItemAsync((DeleteItemRequest)command.Request, cancellationToken),
        };
}
