using System.Collections.Concurrent;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Models.Classic;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests;

/// <summary>Integer keys generated on add, as a SQL Server model has them: hi-lo blocks reserved on a counter item.</summary>
public class HiLoTests : DynamoDbTestBase<ClassicContext>
{
    protected override ClassicContext CreateContext(DbContextOptions<ClassicContext> options) => new(options);

    private async Task<long?> CounterAsync(string sequence)
    {
        using var raw = TestDb.RawClient();
        var item = (await raw.GetItemAsync(Prefix + "EFCoreHiLoSequences", new() { ["Sequence"] = new AttributeValue { S = sequence } })).Item;
        return item is { Count: > 0 } ? long.Parse(item["Value"].N, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [Fact]
    public async Task An_unchanged_SQL_Server_model_gets_its_integer_keys_on_add()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;
        var blog = new ClassicBlog { Url = "https://example.com", Posts = [new ClassicPost { Title = "One" }, new ClassicPost { Title = "Two" }] };

        context.Blogs.Add(blog);

        Assert.True(blog.ClassicBlogId > 0);
        Assert.Equal(2, blog.Posts.Select(p => p.ClassicPostId).Distinct().Count(id => id > 0));
        Assert.All(blog.Posts, p => Assert.Equal(blog.ClassicBlogId, p.ClassicBlogId));
        // One block per sequence (its table), reserved with one UpdateItem each; the save is one transaction.
        Assert.Equal(["UpdateItem", "UpdateItem"], transport.Operations);
        Assert.All(transport.Requests, r => Assert.Contains("\"UpdateExpression\":\"ADD #value :block\"", r.Body));
        await context.SaveChangesAsync();
        Assert.Equal("TransactWriteItems", transport.Operations[^1]);

        await using var check = CreateContext();
        var stored = await check.Blogs.Include(b => b.Posts).SingleAsync(b => b.ClassicBlogId == blog.ClassicBlogId);
        Assert.Equal(["One", "Two"], stored.Posts.Select(p => p.Title).Order());
        Assert.Equal(10, await CounterAsync("Blogs"));
    }

    [Fact]
    public async Task Twenty_contexts_inserting_fifty_rows_each_get_a_thousand_distinct_keys_while_another_process_reserves_blocks()
    {
        var ids = new ConcurrentBag<int>();
        using var raw = TestDb.RawClient();
        using var stop = new CancellationTokenSource();

        // Another process: reserves blocks of the same sequence while the contexts insert.
        var otherProcess = Task.Run(async () =>
        {
            var reserved = 0;
            while (!stop.IsCancellationRequested)
            {
                await raw.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = Prefix + "EFCoreHiLoSequences",
                    Key = new() { ["Sequence"] = new AttributeValue { S = "Products" } },
                    UpdateExpression = "ADD #v :n",
                    ExpressionAttributeNames = new() { ["#v"] = "Value" },
                    ExpressionAttributeValues = new() { [":n"] = new AttributeValue { N = "10" } },
                });
                reserved += 10;
            }

            return reserved;
        });

        await Parallel.ForEachAsync(Enumerable.Range(0, 20), new ParallelOptions { MaxDegreeOfParallelism = 20 }, async (worker, token) =>
        {
            await using var context = CreateContext();
            var products = Enumerable.Range(0, 50).Select(i => new Product { Name = $"w{worker}-{i}", Price = i }).ToList();
            foreach (var product in products)
            {
                await context.Products.AddAsync(product, token);
            }

            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
            await context.SaveChangesAsync(token);
            products.ForEach(p => ids.Add(p.ProductId));
        });
        await stop.CancelAsync();
        var reservedElsewhere = await otherProcess;

        Assert.Equal(1000, ids.Distinct().Count());
        await using var check = CreateContext();
        Assert.Equal(1000, await check.Products.AllowScan().CountAsync());
        // Blocks are shared by the contexts of this process: at most one block's tail is left unused.
        Assert.InRange(await CounterAsync("Products") ?? 0, 1000 + reservedElsewhere, 1000 + reservedElsewhere + 10);
    }

    [Fact]
    public async Task EnsureDeleted_deletes_the_counter_table_and_EnsureCreated_provisions_it()
    {
        await using var context = CreateContext();
        using var raw = TestDb.RawClient();
        Assert.Equal("Sequence", Assert.Single((await raw.DescribeTableAsync(Prefix + "EFCoreHiLoSequences")).Table.KeySchema).AttributeName);

        await context.Database.EnsureDeletedAsync();
        await Assert.ThrowsAsync<Amazon.DynamoDBv2.Model.ResourceNotFoundException>(() => raw.DescribeTableAsync(Prefix + "EFCoreHiLoSequences"));

        Assert.True(await context.Database.EnsureCreatedAsync());
        Assert.NotNull((await raw.DescribeTableAsync(Prefix + "EFCoreHiLoSequences")).Table);
    }
}
