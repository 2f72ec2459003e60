using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Update;

/// <summary>Turns a single conditional write into its <c>TransactWriteItems</c> element, with the same condition.</summary>
internal static class DynamoDbTransactWriteItemFactory
{
    public static TransactWriteItem Create(DynamoDbWriteCommand command)
        => command.Request switch
        {
            PutItemRequest put => new TransactWriteItem
            {
                Put = new Put
                {
                    TableName = put.TableName,
                    Item = put.Item,
                    ConditionExpression = put.ConditionExpression,
                    ExpressionAttributeNames = put.ExpressionAttributeNames,
                    ExpressionAttributeValues = put.ExpressionAttributeValues,
                },
            },
            // A transaction's Update needs an update expression; an entry with nothing to set is still checked.
            UpdateItemRequest { UpdateExpression: null } check => new TransactWriteItem
            {
                ConditionCheck = new ConditionCheck
                {
                    TableName = check.TableName,
                    Key = check.Key,
                    ConditionExpression = check.ConditionExpression,
                    ExpressionAttributeNames = check.ExpressionAttributeNames,
                    ExpressionAttributeValues = check.ExpressionAttributeValues,
                },
            },
            UpdateItemRequest update => new TransactWriteItem
            {
                Update = new Amazon.DynamoDBv2.Model.Update
                {
                    TableName = update.TableName,
                    Key = update.Key,
                    UpdateExpression = update.UpdateExpression,
                    ConditionExpression = update.ConditionExpression,
                    ExpressionAttributeNames = update.ExpressionAttributeNames,
                    ExpressionAttributeValues = update.ExpressionAttributeValues,
                },
            },
            DeleteItemRequest delete => new TransactWriteItem
            {
                Delete = new Delete
                {
                    TableName = delete.TableName,
                    Key = delete.Key,
                    ConditionExpression = delete.ConditionExpression,
                    ExpressionAttributeNames = delete.ExpressionAttributeNames,
                    ExpressionAttributeValues = delete.ExpressionAttributeValues,
                },
            },
            _ => throw new InvalidOperationException(command.Request.GetType().Name),
        };
}
