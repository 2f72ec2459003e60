using System.Globalization;
using Amazon.DynamoDBv2.Model;
using BenchmarkDotNet.Attributes;
using EFCore.DynamoDb.Benchmarks.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Benchmarks.Workloads;

/// <summary>
/// 8. A blog with its 20 posts, stored as an item collection (the blog item and its posts in one partition): one
/// <c>Query</c> by hand, <c>Include(b => b.Posts)</c> with EF Core. Returns the number of posts.
/// </summary>
[MemoryDiagnoser]
public class IncludeBenchmarks : WorkloadBase
{
    private const string BlogType = nameof(BenchBlog);
    private readonly string _pk = "blog#1";
    private DbContextOptions<BlogBenchDbContext> _options = null!;
    private PooledDbContextFactory<BlogBenchDbContext> _pool = null!;

    private static readonly Func<BlogBenchDbContext, string, Task<BenchBlog>> CompiledQuery
        = EF.CompileAsyncQuery((BlogBenchDbContext db, string pk) => db.Blogs.AsNoTracking().Include(b => b.Posts).Single(b => b.Pk == pk));

    protected override Task SeedAsync()
    {
        var blog = new Dictionary<string, AttributeValue>
        {
            ["Pk"] = new() { S = _pk }, ["Sk"] = new() { S = "BLOG" }, ["Name"] = new() { S = "Bench blog" }, ["$type"] = new() { S = BlogType },
        };
        var posts = Enumerable.Range(1, 20).Select(i => new Dictionary<string, AttributeValue>
        {
            ["Pk"] = new() { S = _pk },
            ["Sk"] = new() { S = $"post#{i:D4}" },
            ["Title"] = new() { S = $"Post {i}" },
            ["Score"] = new() { N = i.ToString(CultureInfo.InvariantCulture) },
            ["$type"] = new() { S = nameof(BenchPost) },
        });
        return BenchTable.PutItemsAsync(SetupClient, posts.Prepend(blog));
    }

    protected override Task PrepareAsync()
    {
        _options = new DbContextOptionsBuilder<BlogBenchDbContext>().UseDynamoDb(EfClient).Options;
        _pool = new PooledDbContextFactory<BlogBenchDbContext>(_options);
        return Task.CompletedTask;
    }

    /// <summary>One Query of the partition, items told apart by <c>$type</c> and mapped by hand.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> LowLevel()
    {
        var request = new QueryRequest
        {
            TableName = BenchTable.Name,
            KeyConditionExpression = "#pk = :pk",
            ExpressionAttributeNames = new() { ["#pk"] = "Pk" },
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = _pk } },
        };
        BenchBlog? blog = null;
        var posts = new List<BenchPost>();
        do
        {
            var response = await LowLevelClient.QueryAsync(request);
            foreach (var item in response.Items)
            {
                if (item["$type"].S == BlogType)
                {
                    blog = new BenchBlog { Pk = item["Pk"].S, Sk = item["Sk"].S, Name = item["Name"].S };
                }
                else
                {
                    posts.Add(new BenchPost
                    {
                        Pk = item["Pk"].S, Sk = item["Sk"].S, Title = item["Title"].S, Score = int.Parse(item["Score"].N, CultureInfo.InvariantCulture),
                    });
                }
            }

            request.ExclusiveStartKey = response.LastEvaluatedKey;
        }
        while (request.ExclusiveStartKey is { Count: > 0 });

        blog!.Posts = posts;
        return blog.Posts.Count;
    }

    /// <summary><c>Include(b => b.Posts)</c> on the partition key, tracked: the same single Query.</summary>
    [Benchmark]
    public async Task<int> EfCore()
    {
        await using var db = new BlogBenchDbContext(_options);
        return (await db.Blogs.Where(b => b.Pk == _pk).Include(b => b.Posts).SingleAsync()).Posts.Count;
    }

    /// <summary>The same with <c>AsNoTracking</c>.</summary>
    [Benchmark]
    public async Task<int> EfCoreNoTracking()
    {
        await using var db = new BlogBenchDbContext(_options);
        return (await db.Blogs.AsNoTracking().Where(b => b.Pk == _pk).Include(b => b.Posts).SingleAsync()).Posts.Count;
    }

    /// <summary>The same compiled (<c>EF.CompileAsyncQuery</c>), without tracking, on a pooled context: an EF Core hot path.</summary>
    [Benchmark]
    public async Task<int> EfCorePooledCompiled()
    {
        await using var db = await _pool.CreateDbContextAsync();
        return (await CompiledQuery(db, _pk)).Posts.Count;
    }
}
