using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Microsoft.EntityFrameworkCore.ValueGeneration;

namespace EFCore.DynamoDb.ValueGeneration;

/// <summary>
/// The hi-lo blocks reserved by this process, one state per client, counter table and sequence, shared by every
/// context: values are handed out from a reserved block until it is used up.
/// </summary>
internal sealed class DynamoDbHiLoStateCache
{
    private readonly ConcurrentDictionary<(IAmazonDynamoDB Client, string Table, string Sequence, int BlockSize), HiLoValueGeneratorState> _states = new();

    /// <summary>
    /// The state of a sequence's blocks of one size: properties sharing a sequence with different block sizes each
    /// reserve their own blocks, which never overlap.
    /// </summary>
    public HiLoValueGeneratorState GetOrAdd(IAmazonDynamoDB client, string counterTable, string sequence, int blockSize)
        => _states.GetOrAdd((client, counterTable, sequence, blockSize), static key => new HiLoValueGeneratorState(key.BlockSize));

    /// <summary>Forgets the blocks reserved on a counter table that was deleted or created again.</summary>
    public void Reset(IAmazonDynamoDB client, string counterTable)
    {
        foreach (var key in _states.Keys.Where(k => k.Client == client && k.Table == counterTable))
        {
            _states.TryRemove(key, out _);
        }
    }
}
