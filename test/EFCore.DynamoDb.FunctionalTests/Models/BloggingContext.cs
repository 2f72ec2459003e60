using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Models;

public class Blog
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public List<Post> Posts { get; set; } = [];
    public BlogHeader? Header { get; set; }
    public List<Subscription> Subscriptions { get; set; } = [];
}

/// <summary>An optional dependent with no index on its foreign key: only a scan finds a blog's subscriptions.</summary>
public class Subscription
{
    public string Id { get; set; } = "";
    public string? BlogId { get; set; }
    public string Email { get; set; } = "";
}

public class BlogHeader
{
    public string BlogId { get; set; } = "";
    public string Motto { get; set; } = "";
    public Blog? Blog { get; set; }
}

public class Post
{
    public string Id { get; set; } = "";
    public string BlogId { get; set; } = "";
    public string Title { get; set; } = "";
    public int Score { get; set; }
    public Blog? Blog { get; set; }
    public List<Comment> Comments { get; set; } = [];
}

/// <summary>
/// A dependent whose foreign key (PostId) is a shadow property, of two principals (a post and, optionally, an
/// author, both set null on delete), with a query filter that hides hidden comments.
/// </summary>
public class Comment
{
    public string Id { get; set; } = "";
    public string Text { get; set; } = "";
    public bool Hidden { get; set; }
    public string? AuthorId { get; set; }
}

/// <summary>An author's articles live in the author's partition: the foreign key is the articles' partition key.</summary>
public class Author
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public List<Article> Articles { get; set; } = [];
    public List<Comment> Comments { get; set; } = [];
}

public class Article
{
    public string AuthorId { get; set; } = "";
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public Author? Author { get; set; }
}

/// <summary>An item collection: a forum item (pk = forum id, sk = "FORUM") and its topics (pk = forum id, sk = topic id) in one table.</summary>
public class Forum
{
    public string ForumId { get; set; } = "";
    public string Kind { get; set; } = "FORUM";
    public string Title { get; set; } = "";
    public List<Topic> Topics { get; set; } = [];
}

public class Topic
{
    public string ForumId { get; set; } = "";
    public string TopicId { get; set; } = "";
    public string Subject { get; set; } = "";
    public Forum? Forum { get; set; }
}

public class Student
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public List<Course> Courses { get; set; } = [];
}

public class Course
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public List<Student> Students { get; set; } = [];
}

/// <summary>
/// Relationships of every shape: blogs and posts in their own tables (posts found by a GSI on BlogId), a one-to-one
/// sharing the key, a shadow foreign key, articles in their author's partition, an item collection (forums and
/// topics in one table), and students and courses through EF Core's implicit join type.
/// </summary>
public class BloggingContext(DbContextOptions<BloggingContext> options) : DbContext(options)
{
    public DbSet<Blog> Blogs => Set<Blog>();
    public DbSet<BlogHeader> Headers => Set<BlogHeader>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Forum> Forums => Set<Forum>();
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<Student> Students => Set<Student>();
    public DbSet<Course> Courses => Set<Course>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BlogHeader>(b =>
        {
            b.HasPartitionKey(h => h.BlogId);
            b.HasOne(h => h.Blog).WithOne(blog => blog.Header).HasForeignKey<BlogHeader>(h => h.BlogId);
        });
        modelBuilder.Entity<Post>(b => b.HasIndex(p => new { p.BlogId, p.Score }).IsGlobalSecondaryIndex("by-blog"));
        modelBuilder.Entity<Comment>(b =>
        {
            b.HasOne<Post>().WithMany(p => p.Comments).HasForeignKey("PostId").OnDelete(DeleteBehavior.SetNull);
            b.HasIndex("PostId").IsGlobalSecondaryIndex("by-post");
            b.HasOne<Author>().WithMany(a => a.Comments).HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.SetNull);
            // An index holding the keys and what the query filter reads: the rest of what an include reads through it
            // is completed from the table.
            b.HasIndex(c => c.AuthorId).IsGlobalSecondaryIndex("by-author").HasProjection(DynamoDbProjectionType.Include, nameof(Comment.Hidden));
            b.HasQueryFilter(c => !c.Hidden);
        });
        modelBuilder.Entity<Article>(b =>
        {
            b.HasPartitionKey(a => a.AuthorId);
            b.HasSortKey(a => a.Id);
        });
        modelBuilder.Entity<Forum>(b =>
        {
            b.ToTable("forums");
            b.HasPartitionKey(f => f.ForumId);
            b.HasSortKey(f => f.Kind);
            b.Property(f => f.ForumId).HasAttributeName("pk");
            b.Property(f => f.Kind).HasAttributeName("sk");
            b.HasMany(f => f.Topics).WithOne(t => t.Forum).HasForeignKey(t => t.ForumId).HasPrincipalKey(f => f.ForumId);
        });
        modelBuilder.Entity<Topic>(b =>
        {
            b.ToTable("forums");
            b.HasPartitionKey(t => t.ForumId);
            b.HasSortKey(t => t.TopicId);
            b.Property(t => t.ForumId).HasAttributeName("pk");
            b.Property(t => t.TopicId).HasAttributeName("sk");
        });
        modelBuilder.Entity<Student>()
            .HasMany(s => s.Courses)
            .WithMany(c => c.Students)
            .UsingEntity(j => j.HasIndex("StudentsId").IsGlobalSecondaryIndex("by-student"));
    }
}
