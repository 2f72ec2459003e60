using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage;

namespace EFCore.DynamoDb.Update;

/// <summary>
/// Turns item writes into what DynamoDB takes: a single conditional request, a <c>TransactWriteItems</c> of several,
/// or a <c>BatchWriteItem</c> element (which has no condition). The one place AWS SDK write requests are made.
/// </summary>
internal static class DynamoDbWriteRenderer
{
    /// <summary>Sends a write as its own request.</summary>
    public static Task SendAsync(DynamoDbClientWrapper client, DynamoDbItemWrite write, CancellationToken cancellationToken)
        => write.Kind switch
        {
            DynamoDbItemWriteKind.Put => client.PutItemAsync(
                new PutItemRequest
                {
                    TableName = write.TableName, Item = write.Item, ConditionExpression = write.ConditionExpression,
                    ExpressionAttributeNames = write.Names, ExpressionAttributeValues = write.Values,
                    ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
                },
                cancellationToken),
            DynamoDbItemWriteKind.Update => client.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = write.TableName, Key = write.Key, UpdateExpression = write.UpdateExpression,
                    ConditionExpression = write.ConditionExpression, ExpressionAttributeNames = write.Names,
                    ExpressionAttributeValues = write.Values, ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
                },
                cancellationToken),
            _ => client.DeleteItemAsync(
                new DeleteItemRequest
                {
                    TableName = write.TableName, Key = write.Key, ConditionExpression = write.ConditionExpression,
                    ExpressionAttributeNames = write.Names, ExpressionAttributeValues = write.Values,
                    ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
                },
                cancellationToken),
        };

    /// <summary>The writes as one transaction, all or nothing; the token makes a resent transaction idempotent.</summary>
    public static TransactWriteItemsRequest Transaction(IEnumerable<DynamoDbItemWrite> writes)
        => new()
        {
            TransactItems = writes.Select(TransactionElement).ToList(),
            ClientRequestToken = Guid.NewGuid().ToString("N"),
            ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        };

    /// <summary>A put or delete as a <c>BatchWriteItem</c> element.</summary>
    public static WriteRequest BatchElement(DynamoDbItemWrite write)
        => write.Kind == DynamoDbItemWriteKind.Put ? new WriteRequest(new PutRequest(write.Item)) : new WriteRequest(new DeleteRequest(write.Key));

    private static TransactWriteItem TransactionElement(DynamoDbItemWrite write)
        => write switch
        {
            { Kind: DynamoDbItemWriteKind.Put } => new TransactWriteItem
            {
                Put = new Put
                {
                    TableName = write.TableName, Item = write.Item, ConditionExpression = write.ConditionExpression,
                    ExpressionAttributeNames = write.Names, ExpressionAttributeValues = write.Values,
                },
            },

            // A transaction's Update needs an update expression; a write with nothing to set is still checked.
            { Kind: DynamoDbItemWriteKind.Update, UpdateExpression: null } => new TransactWriteItem
            {
                ConditionCheck = new ConditionCheck
                {
                    TableName = write.TableName, Key = write.Key, ConditionExpression = write.ConditionExpression,
                    ExpressionAttributeNames = write.Names, ExpressionAttributeValues = write.Values,
                },
            },
            { Kind: DynamoDbItemWriteKind.Update } => new TransactWriteItem
            {
                Update = new Amazon.DynamoDBv2.Model.Update
                {
                    TableName = write.TableName, Key = write.Key, UpdateExpression = write.UpdateExpression,
                    ConditionExpression = write.ConditionExpression, ExpressionAttributeNames = write.Names,
                    ExpressionAttributeValues = write.Values,
                },
            },
            _ => new TransactWriteItem
            {
                Delete = new Delete
                {
                    TableName = write.TableName, Key = write.Key, ConditionExpression = write.ConditionExpression,
                    ExpressionAttributeNames = write.Names, ExpressionAttributeValues = write.Values,
                },
            },
        };
}
