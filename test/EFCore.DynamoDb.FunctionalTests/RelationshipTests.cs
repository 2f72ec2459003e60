using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests;

public class RelationshipTests : DynamoDbTestBase<BloggingContext>
{
    protected override BloggingContext CreateContext(DbContextOptions<BloggingContext> options) => new(options);

    /// <summary>The seeded graph, as plain objects: what LINQ-to-Objects answers are checked against.</summary>
    private static List<Blog> SeedBlogs()
        => Enumerable.Range(0, 10).Select(b => new Blog
        {
            Id = $"b{b}",
            Name = $"Blog {b}",
            Header = b % 2 == 0 ? new BlogHeader { BlogId = $"b{b}", Motto = $"Motto {b}" } : null,
            Subscriptions = b == 0 ? [new Subscription { Id = "sub0", Email = "a@b.c" }] : [],
            Posts = Enumerable.Range(0, 10).Select(p => new Post
            {
                Id = $"b{b}-p{p}",
                BlogId = $"b{b}",
                Title = $"Post {p} of {b}",
                Score = (p * 7 + b) % 10,
                Comments = p < 2 ? [new Comment { Id = $"b{b}-p{p}-c0", Text = "First" }, new Comment { Id = $"b{b}-p{p}-c1", Text = "Second" }]
                    : p == 2 ? [new Comment { Id = $"b{b}-p{p}-hidden", Text = "Spam", Hidden = true }] : [],
            }).ToList(),
        }).ToList();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var context = CreateContext();
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        context.Blogs.AddRange(SeedBlogs());
        context.Authors.Add(new Author
        {
            Id = "a1",
            Name = "Ada",
            Articles = [new Article { Id = "x1", Title = "One" }, new Article { Id = "x2", Title = "Two" }],
        });
        context.Comments.Add(new Comment { Id = "ac1", Text = "By Ada", AuthorId = "a1" });
        context.Forums.Add(new Forum
        {
            ForumId = "f1",
            Title = "General",
            Topics = Enumerable.Range(0, 5).Select(i => new Topic { TopicId = $"t{i}", Subject = $"Topic {i}" }).ToList(),
        });
        var math = new Course { Id = "math", Title = "Math" };
        var art = new Course { Id = "art", Title = "Art" };
        context.Students.AddRange(
            new Student { Id = "s1", Name = "Ann", Courses = [math, art] },
            new Student { Id = "s2", Name = "Bob", Courses = [math] });
        await context.SaveChangesAsync();
    }

    [Fact]
    public async Task Include_of_posts_for_10_blogs_is_one_BatchGetItem_then_one_index_query_per_blog_and_matches_LINQ_to_objects()
    {
        var expected = SeedBlogs();
        var ids = expected.Select(b => b.Id).ToList();
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;

        var blogs = await context.Blogs.Where(b => ids.Contains(b.Id)).Include(b => b.Posts).ToListAsync();

        Assert.Equal(expected.Select(b => b.Id).Order(), blogs.Select(b => b.Id).Order());
        foreach (var blog in blogs)
        {
            var posts = expected.Single(b => b.Id == blog.Id).Posts;
            Assert.Equal(posts.Select(p => p.Id).Order(), blog.Posts.Select(p => p.Id).Order());
            Assert.All(blog.Posts, p => Assert.Same(blog, p.Blog));
            Assert.True(context.Entry(blog).Collection(b => b.Posts).IsLoaded);
        }

        var queries = transport.Requests.Where(r => r.Operation == "Query").ToList();
        Assert.Equal(10, queries.Count);
        Assert.All(queries, q => Assert.Contains("\"IndexName\":\"by-blog\"", q.Body));
        Assert.DoesNotContain("Scan", transport.Operations);
        // The blogs themselves: their full keys in one BatchGetItem.
        Assert.Equal(1, transport.Operations.Count(o => o == "BatchGetItem"));
        Assert.DoesNotContain("GetItem", transport.Operations);
    }

    [Fact]
    public async Task Include_of_the_blog_for_100_posts_is_one_BatchGetItem()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;

        var posts = await context.Posts.AllowScan().AsNoTracking().Include(p => p.Blog).ToListAsync();

        Assert.Equal(100, posts.Count);
        Assert.All(posts, p => Assert.Equal(p.BlogId, p.Blog!.Id));
        Assert.All(posts, p => Assert.Equal("Blog " + p.BlogId[1..], p.Blog!.Name));
        // Without tracking, one instance per blog, with the posts read attached to it.
        Assert.Equal(10, posts.Select(p => p.Blog).Distinct().Count());
        Assert.All(posts, p => Assert.Contains(p, p.Blog!.Posts));
        Assert.Equal(["Scan", "BatchGetItem"], transport.Operations);
    }

    [Fact]
    public async Task ThenInclude_of_a_shadow_foreign_key_and_a_one_to_one_sharing_the_key()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;

        var blog = await context.Blogs
            .Where(b => b.Id == "b2")
            .Include(b => b.Header)
            .Include(b => b.Posts).ThenInclude(p => p.Comments)
            .SingleAsync();

        Assert.Equal("Motto 2", blog.Header!.Motto);
        Assert.Equal(10, blog.Posts.Count);
        Assert.Equal(4, blog.Posts.Sum(p => p.Comments.Count));
        Assert.Equal(["b2-p0-c0", "b2-p0-c1"], blog.Posts.Single(p => p.Id == "b2-p0").Comments.Select(c => c.Id).Order());
        // The blog, its header by key, its posts by the index, then each post's comments by the shadow key's index.
        Assert.Equal(["GetItem", "BatchGetItem", "Query"], transport.Operations.Take(3));
        Assert.Equal(10, transport.Requests.Count(r => r.Operation == "Query" && r.Body.Contains("\"IndexName\":\"by-post\"")));
    }

    [Fact]
    public async Task Filtered_include_puts_the_condition_ordering_and_limit_in_the_request()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;

        var blog = await context.Blogs.AsNoTracking()
            .Where(b => b.Id == "b3")
            .Include(b => b.Posts.Where(p => p.Title != "none").OrderByDescending(p => p.Score).Take(3))
            .SingleAsync();

        var expected = SeedBlogs().Single(b => b.Id == "b3").Posts.OrderByDescending(p => p.Score).Take(3).Select(p => p.Id);
        Assert.Equal(expected, blog.Posts.Select(p => p.Id));
        var query = Assert.Single(transport.Requests, r => r.Operation == "Query").Body;
        Assert.Contains("\"ScanIndexForward\":false", query);
        Assert.Contains("\"FilterExpression\"", query);
    }

    [Fact]
    public async Task Articles_in_their_authors_partition_are_one_table_query()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;

        var author = await context.Authors.Include(a => a.Articles).SingleAsync(a => a.Id == "a1");

        Assert.Equal(["x1", "x2"], author.Articles.Select(a => a.Id).Order());
        var query = Assert.Single(transport.Requests, r => r.Operation == "Query").Body;
        Assert.DoesNotContain("IndexName", query);
    }

    [Fact]
    public async Task An_item_collection_is_read_with_its_owner_in_one_query()
    {
        foreach (var (tracking, single) in new[] { (true, false), (false, false), (true, true) })
        {
            var (context, transport) = CreateRecordingContext();
            await using var _ = context;
            var forums = (tracking ? context.Forums : context.Forums.AsNoTracking()).Include(f => f.Topics).Where(f => f.ForumId == "f1");

            // Single's limit of two results counts forums, not the items of their partitions.
            var forum = single ? await forums.SingleAsync() : Assert.Single(await forums.ToListAsync());

            Assert.Equal("General", forum.Title);
            Assert.Equal(["t0", "t1", "t2", "t3", "t4"], forum.Topics.Select(t => t.TopicId).Order());
            Assert.All(forum.Topics, t => Assert.Same(forum, t.Forum));
            var query = Assert.Single(transport.Requests);
            Assert.Equal("Query", query.Operation);
            Assert.Contains("\"Topic\"", query.Body);
        }
    }

    [Fact]
    public async Task An_item_collection_whose_owner_is_read_by_full_key_is_one_more_query()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;

        var forum = await context.Forums.Include(f => f.Topics).SingleAsync(f => f.ForumId == "f1" && f.Kind == "FORUM");

        // The sort-key condition that finds the forum item excludes its topics: they are one more Query.
        Assert.Equal(5, forum.Topics.Count);
        Assert.Equal(["Query", "Query"], transport.Operations);
        Assert.Contains("-- Then 'Forum.Topics': no request", context.Forums.Include(f => f.Topics).Where(f => f.ForumId == "f1").ToQueryString());
    }

    [Fact]
    public async Task The_topics_of_a_forum_load_their_forum_by_partition()
    {
        await using var context = CreateContext();
        var topics = await context.Topics.Include(t => t.Forum).Where(t => t.ForumId == "f1" && t.TopicId.StartsWith("t")).ToListAsync();
        Assert.Equal(5, topics.Count);
        Assert.All(topics, t => Assert.Equal("General", t.Forum!.Title));
    }

    [Fact]
    public async Task Many_to_many_through_the_implicit_join_type_reads_join_items_then_targets_by_key()
    {
        foreach (var tracking in new[] { true, false })
        {
            var (context, transport) = CreateRecordingContext();
            await using var _ = context;
            var students = context.Students.AsQueryable();
            if (!tracking)
            {
                students = students.AsNoTracking();
            }

            var ann = await students.Include(s => s.Courses).SingleAsync(s => s.Id == "s1");

            Assert.Equal(["art", "math"], ann.Courses.Select(c => c.Id).Order());
            Assert.All(ann.Courses, c => Assert.Contains(ann, c.Students));
            Assert.Equal(["GetItem", "Query", "BatchGetItem"], transport.Operations);
            Assert.Contains("\"IndexName\":\"by-student\"", transport.Requests.Single(r => r.Operation == "Query").Body);
        }

        await using var check = CreateContext();
        var math = await check.Courses.Include(c => c.Students).SingleAsync(c => c.Id == "math");
        Assert.Equal(["s1", "s2"], math.Students.Select(s => s.Id).Order());
    }

    [Fact]
    public async Task A_filter_through_a_navigation_is_refused_naming_it()
    {
        await using var context = CreateContext();
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Posts.Where(p => p.Blog!.Name == "Blog 1").ToListAsync());
        Assert.Contains("'Post.Blog'", exception.Message);
        Assert.Contains("Include", exception.Message);

        exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Blogs.Select(b => b.Posts.Count).ToListAsync());
        Assert.Contains("'Blog.Posts'", exception.Message);
    }

    [Fact]
    public async Task Explicit_loading_uses_the_same_requests_as_include()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;
        var blog = (await context.Blogs.FindAsync("b4"))!;
        transport.Clear();

        await context.Entry(blog).Collection(b => b.Posts).LoadAsync();

        Assert.Equal(10, blog.Posts.Count);
        Assert.True(context.Entry(blog).Collection(b => b.Posts).IsLoaded);
        Assert.Contains("\"IndexName\":\"by-blog\"", Assert.Single(transport.Requests).Body);

        var post = (await context.Posts.FindAsync("b5-p1"))!;
        context.Entry(post).Reference(p => p.Blog).Load();
        Assert.Equal("Blog 5", post.Blog!.Name);
    }

    [Fact]
    public async Task An_include_no_key_or_index_serves_is_refused_naming_the_index_to_add_unless_scans_are_allowed()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Blogs.Where(b => b.Id == "b0").Include(b => b.Subscriptions).ToListAsync());
        Assert.Contains("'Blog.Subscriptions'", exception.Message);
        Assert.Contains("HasIndex(x => x.BlogId).IsGlobalSecondaryIndex(", exception.Message);
        Assert.Empty(transport.Operations);

        var blog = await context.Blogs.AllowScan().Where(b => b.Id == "b0").Include(b => b.Subscriptions).SingleAsync();
        Assert.Equal("sub0", Assert.Single(blog.Subscriptions).Id);
        Assert.Equal(["GetItem", "Scan"], transport.Operations);
    }

    [Fact]
    public void Include_runs_synchronously_and_with_identity_resolution()
    {
        using var context = CreateContext();
        var blogs = context.Blogs.AsNoTrackingWithIdentityResolution().Include(b => b.Posts).Where(b => b.Id == "b1").ToList();
        var blog = Assert.Single(blogs);
        Assert.Equal(10, blog.Posts.Count);
        Assert.All(blog.Posts, p => Assert.Same(blog, p.Blog));
        Assert.Empty(context.ChangeTracker.Entries());

        var posts = context.Posts.AsNoTrackingWithIdentityResolution().Include(p => p.Blog).Where(p => p.BlogId == "b1").ToList();
        Assert.Single(posts.Select(p => p.Blog).Distinct());
    }

    [Fact]
    public async Task Explicit_loading_of_a_many_to_many_navigation_and_of_a_query_over_a_collection()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;
        var ann = (await context.Students.FindAsync("s1"))!;
        var blog = (await context.Blogs.FindAsync("b6"))!;
        transport.Clear();

        await context.Entry(ann).Collection(s => s.Courses).LoadAsync();
        Assert.Equal(["art", "math"], ann.Courses.Select(c => c.Id).Order());
        Assert.True(context.Entry(ann).Collection(s => s.Courses).IsLoaded);
        // EF Core loads a many-to-many navigation as Students.Where(key).SelectMany(s => s.Courses): the student's item by
        // key, its join items through the index, the courses by key.
        Assert.Equal(["GetItem", "Query", "BatchGetItem"], transport.Operations);

        var expected = SeedBlogs().Single(b => b.Id == "b6").Posts.Where(p => p.Score > 5).Select(p => p.Id).Order();
        var high = await context.Entry(blog).Collection(b => b.Posts).Query().Where(p => p.Score > 5).ToListAsync();
        Assert.Equal(expected, high.Select(p => p.Id).Order());
        Assert.Contains("\"IndexName\":\"by-blog\"", transport.Requests.Last().Body);
    }

    [Fact]
    public async Task SelectMany_through_a_navigation_returns_the_related_items_read_by_key()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;

        var posts = await context.Blogs.Where(b => b.Id == "b7").SelectMany(b => b.Posts).AsNoTracking().ToListAsync();

        Assert.Equal(SeedBlogs().Single(b => b.Id == "b7").Posts.Select(p => p.Id).Order(), posts.Select(p => p.Id).Order());
        Assert.Equal(["GetItem", "Query"], transport.Operations);
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Blogs.Where(b => b.Id == "b7").SelectMany(b => b.Posts).Where(p => p.Score > 3).ToListAsync());
        Assert.Contains("'Where'", exception.Message);
    }

    [Fact]
    public async Task Follow_up_requests_are_logged_with_their_event_ids()
    {
        await using var context = CreateContext();
        await context.Posts.Where(p => p.BlogId == "b1").Include(p => p.Blog).ToListAsync();

        Assert.Contains("INDEX by-blog", Assert.Single(Log.MessagesOf(DynamoDbEventId.ExecutedQuery)));
        Assert.Contains(Prefix + "Blogs", Assert.Single(Log.MessagesOf(DynamoDbEventId.ExecutedBatchGetItem)));
    }

    [Fact]
    public async Task A_many_to_many_filter_is_refused_naming_the_skip_navigation()
    {
        await using var context = CreateContext();
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Students.Where(s => s.Courses.Any(c => c.Id == "math")).ToListAsync());
        Assert.Contains("'Student.Courses'", exception.Message);
    }

    [Fact]
    public async Task Included_entities_are_filtered_by_their_query_filters_unless_ignored()
    {
        await using var context = CreateContext();
        var post = await context.Posts.Include(p => p.Comments).SingleAsync(p => p.Id == "b1-p2");
        Assert.Empty(post.Comments);

        await using var unfiltered = CreateContext();
        post = await unfiltered.Posts.IgnoreQueryFilters().Include(p => p.Comments).SingleAsync(p => p.Id == "b1-p2");
        Assert.Equal("Spam", Assert.Single(post.Comments).Text);
    }

    [Fact]
    public async Task An_include_under_a_projection_of_entities_is_refused_and_ignored_under_one_of_values()
    {
        await using var context = CreateContext();
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Blogs.Where(b => b.Id == "b1").Include(b => b.Posts).Select(b => new { Blog = b, b.Name }).ToListAsync());
        Assert.Contains("Select", exception.Message);

        Assert.Equal(["Blog 1"], await context.Blogs.Where(b => b.Id == "b1").Include(b => b.Posts).Select(b => b.Name).ToListAsync());
    }

    [Fact]
    public async Task Navigation_keys_and_null_checks_read_the_foreign_key_without_a_join()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;

        var posts = await context.Posts.Where(p => p.Blog!.Id == "b8").ToListAsync();
        Assert.Equal(10, posts.Count);
        Assert.Contains("\"IndexName\":\"by-blog\"", Assert.Single(transport.Requests).Body);

        Assert.Equal(100, await context.Posts.AllowScan().CountAsync(p => p.Blog != null));
        Assert.Equal(0, await context.Posts.AllowScan().CountAsync(p => p.Blog == null));
    }

    [Fact]
    public async Task Including_the_inverse_navigation_again_sends_nothing_more()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;

        var blog = await context.Blogs.AsNoTracking().Include(b => b.Posts).ThenInclude(p => p.Blog).SingleAsync(b => b.Id == "b9");

        Assert.All(blog.Posts, p => Assert.Same(blog, p.Blog));
        Assert.Equal(["GetItem", "Query"], transport.Operations);
    }

    [Fact]
    public async Task SelectMany_over_a_many_to_many_navigation_returns_each_pair_and_takes_includes()
    {
        await using var context = CreateContext();
        var courses = await context.Students.Where(s => new[] { "s1", "s2" }.Contains(s.Id)).SelectMany(s => s.Courses).ToListAsync();
        Assert.Equal(["art", "math", "math"], courses.Select(c => c.Id).Order());

        var posts = await context.Blogs.Where(b => b.Id == "b0").SelectMany(b => b.Posts).Include(p => p.Comments).ToListAsync();
        Assert.Equal(2, posts.Single(p => p.Id == "b0-p1").Comments.Count);
    }

    [Fact]
    public async Task An_include_through_an_index_lacking_attributes_completes_the_items_from_the_table()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;

        var author = await context.Authors.Include(a => a.Comments).SingleAsync(a => a.Id == "a1");

        Assert.Equal("By Ada", Assert.Single(author.Comments).Text);
        Assert.Equal(["GetItem", "Query", "BatchGetItem"], transport.Operations);
        Assert.Contains("\"IndexName\":\"by-author\"", transport.Requests.Single(r => r.Operation == "Query").Body);
    }
}
