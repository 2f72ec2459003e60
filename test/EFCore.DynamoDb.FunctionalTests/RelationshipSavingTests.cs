using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests;

public class RelationshipSavingTests : DynamoDbTestBase<BloggingContext>
{
    protected override BloggingContext CreateContext(DbContextOptions<BloggingContext> options) => new(options);

    private static Blog NewBlog(string id, int posts)
        => new()
        {
            Id = id,
            Name = "Blog " + id,
            Posts = Enumerable.Range(0, posts).Select(p => new Post { Id = $"{id}-p{p}", Title = $"Post {p}", Score = p % 10 }).ToList(),
        };

    private async Task<int> StoredPostsAsync(string blogId)
    {
        using var raw = TestDb.RawClient();
        return (await raw.QueryAsync(new QueryRequest
        {
            TableName = Prefix + "Posts",
            IndexName = "by-blog",
            KeyConditionExpression = "BlogId = :b",
            ExpressionAttributeValues = new() { [":b"] = new AttributeValue { S = blogId } },
        })).Count ?? 0;
    }

    [Fact]
    public async Task Adding_a_blog_with_posts_is_one_transaction_and_fixes_up_keys()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;
        var blog = NewBlog("g1", 3);
        blog.Header = new BlogHeader { Motto = "Hello" };
        context.Blogs.Add(blog);

        Assert.All(blog.Posts, p => Assert.Equal("g1", p.BlogId));
        Assert.Equal("g1", blog.Header.BlogId);
        await context.SaveChangesAsync();

        Assert.Equal(["TransactWriteItems"], transport.Operations);
        Assert.Equal(3, await StoredPostsAsync("g1"));
        using var raw = TestDb.RawClient();
        var header = (await raw.GetItemAsync(Prefix + "Headers", new() { ["BlogId"] = new AttributeValue { S = "g1" } })).Item;
        Assert.Equal("Hello", header["Motto"].S);
    }

    [Fact]
    public async Task Reparenting_and_removing_from_a_collection_update_the_foreign_key_or_delete_the_orphan()
    {
        await AddAndSaveAsync(NewBlog("r1", 2), NewBlog("r2", 0));
        await using (var context = CreateContext())
        {
            var first = await context.Blogs.Include(b => b.Posts).SingleAsync(b => b.Id == "r1");
            var second = await context.Blogs.Include(b => b.Posts).SingleAsync(b => b.Id == "r2");
            var moved = first.Posts.Single(p => p.Id == "r1-p0");
            moved.Blog = second;
            first.Posts.Remove(first.Posts.Single(p => p.Id == "r1-p1"));
            await context.SaveChangesAsync();
            Assert.Equal("r2", moved.BlogId);
        }

        Assert.Equal(0, await StoredPostsAsync("r1"));
        Assert.Equal(1, await StoredPostsAsync("r2"));
        Assert.Empty(await RawItemAsync("Posts", "r1-p1"));
        Assert.Equal("r2", (await RawItemAsync("Posts", "r1-p0"))["BlogId"].S);
    }

    [Fact]
    public async Task A_cascade_delete_of_a_blog_with_30_unloaded_posts_removes_all_31_items_in_one_transaction()
    {
        await AddAndSaveAsync(NewBlog("c1", 30), NewBlog("c2", 2));
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;
        var blog = (await context.Blogs.FindAsync("c1"))!;
        transport.Clear();

        context.Blogs.Remove(blog);
        await context.SaveChangesAsync();

        // The one-to-one header by key, the posts' keys through the index, each post's comments (set null) through
        // theirs, then one transaction.
        var operations = transport.Operations;
        Assert.Equal("BatchGetItem", operations[0]);
        var posts = transport.Requests.Single(r => r.Body.Contains("\"IndexName\":\"by-blog\"")).Body;
        Assert.Contains("\"ProjectionExpression\"", posts);
        Assert.Equal(30, transport.Requests.Count(r => r.Body.Contains("\"IndexName\":\"by-post\"")));
        Assert.Equal("TransactWriteItems", Assert.Single(operations, o => o is not "Query" and not "BatchGetItem"));
        Assert.Equal(31, System.Text.RegularExpressions.Regex.Count(transport.Requests.Last().Body, "\"Delete\""));
        Assert.Equal(0, await StoredPostsAsync("c1"));
        Assert.Empty(await RawItemAsync("Blogs", "c1"));
        Assert.Equal(2, await StoredPostsAsync("c2"));
    }

    [Fact]
    public async Task Loaded_dependents_are_deleted_by_EF_Core_and_not_read_again()
    {
        await AddAndSaveAsync(NewBlog("l1", 3));
        await using var context = CreateContext();
        var blog = await context.Blogs.Include(b => b.Posts).SingleAsync(b => b.Id == "l1");
        var kept = blog.Posts[0];
        kept.Blog = null;
        context.Remove(blog);

        // The post taken away from the blog is deleted as an orphan (required relationship); the others by cascade.
        await context.SaveChangesAsync();
        Assert.Equal(0, await StoredPostsAsync("l1"));
        Assert.All(context.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Detached, e.State));
    }

    [Fact]
    public async Task A_cascade_over_the_transaction_limit_is_refused_with_nothing_written_unless_in_bulk_mode()
    {
        await AddAndSaveAsync(NewBlog("big", 120));
        await using (var context = CreateContext())
        {
            context.Blogs.Remove((await context.Blogs.FindAsync("big"))!);
            var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());
            Assert.Contains("120 through Blog.Posts", exception.Message);
            Assert.Contains("AutoTransactionBehavior.Never", exception.Message);
        }

        Assert.Equal(120, await StoredPostsAsync("big"));
        Assert.NotEmpty(await RawItemAsync("Blogs", "big"));

        await using (var bulk = CreateContext())
        {
            bulk.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
            bulk.Blogs.Remove((await bulk.Blogs.FindAsync("big"))!);
            await bulk.SaveChangesAsync();
        }

        Assert.Equal(0, await StoredPostsAsync("big"));
        Assert.Empty(await RawItemAsync("Blogs", "big"));
    }

    [Fact]
    public async Task Set_null_removes_the_foreign_key_of_unloaded_dependents()
    {
        var post = new Post { Id = "n1", BlogId = "nb", Title = "T", Comments = [new Comment { Id = "n1-c0", Text = "x" }, new Comment { Id = "n1-c1", Text = "y" }] };
        await AddAndSaveAsync(new Blog { Id = "nb", Name = "N", Posts = [post] });
        await using (var context = CreateContext())
        {
            context.Posts.Remove((await context.Posts.FindAsync("n1"))!);
            await context.SaveChangesAsync();
        }

        Assert.Empty(await RawItemAsync("Posts", "n1"));
        var comment = await RawItemAsync("Comments", "n1-c0");
        Assert.Equal("x", comment["Text"].S);
        Assert.False(comment.ContainsKey("PostId"));
    }

    [Fact]
    public async Task Deleting_one_side_of_a_many_to_many_deletes_its_join_items()
    {
        var math = new Course { Id = "m", Title = "Math" };
        await AddAndSaveAsync(new Student { Id = "s", Name = "Sue", Courses = [math, new Course { Id = "a", Title = "Art" }] }, new Student { Id = "t", Name = "Tom", Courses = [] });
        await using (var context = CreateContext())
        {
            var tom = await context.Students.Include(s => s.Courses).SingleAsync(s => s.Id == "t");
            tom.Courses.Add((await context.Courses.FindAsync("m"))!);
            context.Students.Remove((await context.Students.FindAsync("s"))!);
            await context.SaveChangesAsync();
        }

        await using var check = CreateContext();
        var course = await check.Courses.Include(c => c.Students).SingleAsync(c => c.Id == "m");
        Assert.Equal(["t"], course.Students.Select(s => s.Id));
        Assert.Empty((await check.Courses.Include(c => c.Students).SingleAsync(c => c.Id == "a")).Students);
    }

    [Fact]
    public async Task A_dependent_of_two_deleted_principals_gets_one_write_removing_both_foreign_keys()
    {
        await AddAndSaveAsync(
            new Author { Id = "au", Name = "Al" },
            new Blog { Id = "tb", Name = "T", Posts = [new Post { Id = "tp", Title = "T", Comments = [new Comment { Id = "tc", Text = "x", AuthorId = "au" }] }] });
        var (context, transport) = CreateRecordingContext();
        await using (context)
        {
            context.Remove((await context.Posts.FindAsync("tp"))!);
            context.Remove((await context.Authors.FindAsync("au"))!);
            await context.SaveChangesAsync();
        }

        var transaction = transport.Requests.Single(r => r.Operation == "TransactWriteItems").Body;
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(transaction, "\"Update\""));
        var comment = await RawItemAsync("Comments", "tc");
        Assert.Equal("x", comment["Text"].S);
        Assert.False(comment.ContainsKey("PostId"));
        Assert.False(comment.ContainsKey("AuthorId"));
    }

    [Fact]
    public async Task Including_150_blogs_reads_them_in_two_BatchGetItem_requests_and_resends_unprocessed_keys()
    {
        await using (var seed = CreateContext())
        {
            seed.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
            seed.Blogs.AddRange(Enumerable.Range(0, 150).Select(i => new Blog
            {
                Id = $"many{i:D3}",
                Name = $"Many {i}",
                Posts = [new Post { Id = $"many{i:D3}-p", Title = "P", Score = 99 }],
            }));
            await seed.SaveChangesAsync();
        }

        var transport = new FaultInjectingHttpClientFactory((operation, call) => operation == "BatchGetItem" && call <= 2 ? Fault.ProcessHalf : Fault.None, recordBodies: true);
        await using var context = CreateContext(d => d.ConfigureClient(c => c.HttpClientFactory = transport));

        var posts = await context.Posts.AllowScan().Where(p => p.Score == 99).Include(p => p.Blog).ToListAsync();

        Assert.Equal(150, posts.Count);
        Assert.All(posts, p => Assert.Equal(p.Id[..7], p.Blog!.Id));
        // 100 + 50 keys; each of the first two requests answered half, the rest resent until all were read.
        var batches = transport.Requests.Where(r => r.Operation == "BatchGetItem").ToList();
        Assert.True(batches.Count >= 4, $"expected resends of unprocessed keys, saw {batches.Count} requests");
        Assert.Equal(100, System.Text.Json.Nodes.JsonNode.Parse(batches[0].Body)!["RequestItems"]!.AsObject().Single().Value!["Keys"]!.AsArray().Count);

        // Full keys for a list of values: BatchGetItem too, in the order asked, reading only what is projected.
        var ids = Enumerable.Range(0, 150).Select(i => $"many{149 - i:D3}").Append("missing").ToList();
        await using var reader = CreateRecordingContext().Context;
        var names = await reader.Blogs.Where(b => ids.Contains(b.Id)).Select(b => b.Name).ToListAsync();
        Assert.Equal(Enumerable.Range(0, 150).Select(i => $"Many {149 - i}"), names);
    }

    [Fact]
    public async Task A_list_of_full_keys_is_read_with_BatchGetItem_not_one_GetItem_per_key()
    {
        await AddAndSaveAsync(NewBlog("k1", 0), NewBlog("k2", 0), NewBlog("k3", 0));
        var (context, transport) = CreateRecordingContext(d => d.ConsistentReads());
        await using var _ = context;
        string[] ids = ["k3", "k1", "nope", "k2"];

        var blogs = await context.Blogs.Where(b => ids.Contains(b.Id)).Select(b => new { b.Id, b.Name }).ToListAsync();

        Assert.Equal(["k3", "k1", "k2"], blogs.Select(b => b.Id));
        var request = Assert.Single(transport.Requests);
        Assert.Equal("BatchGetItem", request.Operation);
        Assert.Contains("\"ConsistentRead\":true", request.Body);
        Assert.Contains("\"ProjectionExpression\"", request.Body);
    }
}
