using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Metadata;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore.ValueGeneration;

namespace EFCore.DynamoDb.ValueGeneration;

/// <summary>
/// Hands out integer keys from blocks reserved on a counter item: <c>UpdateItem</c> with <c>ADD #Value :block</c>
/// and <c>ReturnValues=UPDATED_NEW</c> returns the block's highest value, atomically, so blocks never overlap
/// across contexts and processes. A block's unused tail is lost when the process ends.
/// </summary>
internal sealed class DynamoDbHiLoValueGenerator<TValue>(
    HiLoValueGeneratorState state, DynamoDbClientWrapper clientWrapper, string counterTable, string sequence, int blockSize)
    : HiLoValueGenerator<TValue>(state)
{
    public override bool GeneratesTemporaryValues => false;

    protected override long GetNewLowValue() => DynamoDbClientWrapper.Wait(() => GetNewLowValueAsync(default));

    protected override async Task<long> GetNewLowValueAsync(CancellationToken cancellationToken = default)
    {
        var response = await clientWrapper.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = counterTable,
                Key = new() { [DynamoDbHiLo.SequenceAttribute] = new AttributeValue { S = sequence } },
                UpdateExpression = "ADD #value :block",
                ExpressionAttributeNames = new() { ["#value"] = DynamoDbHiLo.ValueAttribute },
                ExpressionAttributeValues = new() { [":block"] = new AttributeValue { N = blockSize.ToString(CultureInfo.InvariantCulture) } },
                ReturnValues = ReturnValue.UPDATED_NEW,
                ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
            },
            cancellationToken).ConfigureAwait(false);
        var high = long.Parse(response.Attributes[DynamoDbHiLo.ValueAttribute].N, CultureInfo.InvariantCulture);
        return high - blockSize + 1;
    }
}
