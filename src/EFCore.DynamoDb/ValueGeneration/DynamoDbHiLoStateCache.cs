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
    private readonly ConcurrentDictionary<(IAmazonDynamoDB Client, string Table, string Sequence), HiLoValueGeneratorState> _states = new();

    public HiLoValueGeneratorState GetOrAdd(IAmazonDynamoDB client, string counterTable, string sequence, int blockSize)
        => _states.GetOrAdd((client, counterTable, sequence), static (_, size) => new HiLoValueGeneratorState(size), blockSize);
}
