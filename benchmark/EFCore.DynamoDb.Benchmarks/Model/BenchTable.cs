using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Benchmarks.Model;

/// <summary>The <c>bench-items</c> table: its schema, sample items and the setup-time writes that fill it.</summary>
public static class BenchTable
{
    public const string Name = "bench-items";

    private static readonly DateTime Epoch = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The sort key of item <paramref name="i"/>: <c>item#0042</c>.</summary>
    public static string SortKey(int i) => $"item#{i:D4}";

    /// <summary>The EF Core mapping of the table: <see cref="BenchItem"/> keyed by Pk (partition) and Sk (sort).</summary>
    public static void Map(ModelBuilder modelBuilder)
        => modelBuilder.Entity<BenchItem>(b =>
        {
            b.ToTable(Name);
            b.HasPartitionKey(x => x.Pk);
            b.HasSortKey(x => x.Sk);
        });

    /// <summary>Item <paramref name="i"/> of a partition: sort key <c>item#0042</c>, every other item active.</summary>
    public static BenchItem NewItem(string pk, int i) => new()
    {
        Pk = pk,
        Sk = SortKey(i),
        Name = $"Item number {i}",
        Count = i,
        Price = 10.25m + i,
        Active = i % 2 == 0,
        CreatedAt = Epoch.AddMinutes(i),
    };

    /// <summary>Creates the table (on-demand capacity) and waits until it is active.</summary>
    public static async Task CreateAsync(IAmazonDynamoDB client)
    {
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = Name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions =
            [
                new AttributeDefinition("Pk", ScalarAttributeType.S),
                new AttributeDefinition("Sk", ScalarAttributeType.S),
            ],
            KeySchema = [new KeySchemaElement("Pk", KeyType.HASH), new KeySchemaElement("Sk", KeyType.RANGE)],
        });
        while ((await client.DescribeTableAsync(Name)).Table.TableStatus != TableStatus.ACTIVE)
        {
            await Task.Delay(50);
        }
    }

    /// <summary>Writes items <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> - 1 of a partition.</summary>
    public static Task SeedAsync(IAmazonDynamoDB client, string pk, int from, int count)
        => PutAsync(client, Enumerable.Range(from, count).Select(i => NewItem(pk, i)));

    /// <summary>Writes items with <c>BatchWriteItem</c> (setup only, never measured).</summary>
    public static Task PutAsync(IAmazonDynamoDB client, IEnumerable<BenchItem> items)
        => PutItemsAsync(client, items.Select(ItemAttributes.From));

    /// <summary>Writes items given as attributes with <c>BatchWriteItem</c> (setup only, never measured).</summary>
    public static async Task PutItemsAsync(IAmazonDynamoDB client, IEnumerable<Dictionary<string, AttributeValue>> items)
    {
        foreach (var chunk in items.Chunk(25))
        {
            var pending = new Dictionary<string, List<WriteRequest>>
            {
                [Name] = chunk.Select(i => new WriteRequest(new PutRequest(i))).ToList(),
            };
            while (pending.Count > 0)
            {
                pending = (await client.BatchWriteItemAsync(pending)).UnprocessedItems ?? [];
            }
        }
    }
}
