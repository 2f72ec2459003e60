using EFCore.DynamoDb.FunctionalTests.Models.Classic;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests;

/// <summary>Classic EF Core models, unchanged but for key configuration: they build, save graphs and load them.</summary>
public class ClassicModelTests : DynamoDbTestBase<ClassicContext>
{
    protected override ClassicContext CreateContext(DbContextOptions<ClassicContext> options) => new(options);

    [Fact]
    public async Task A_blog_with_posts_and_tags_saves_as_one_graph_and_loads_with_include_and_explicit_loading()
    {
        var csharp = new ClassicTag { ClassicTagId = "csharp" };
        var dynamo = new ClassicTag { ClassicTagId = "dynamodb" };
        await using (var context = CreateContext())
        {
            context.Blogs.Add(new ClassicBlog
            {
                ClassicBlogId = 1,
                Url = "https://example.com/blog",
                Posts =
                [
                    new ClassicPost { ClassicPostId = 10, Title = "Hello", Tags = [csharp] },
                    new ClassicPost { ClassicPostId = 11, Title = "Keys", Tags = [csharp, dynamo] },
                ],
            });
            Assert.Equal(8, await context.SaveChangesAsync());
        }

        await using (var context = CreateContext())
        {
            var blog = await context.Blogs.Include(b => b.Posts).ThenInclude(p => p.Tags).SingleAsync(b => b.ClassicBlogId == 1);
            Assert.Equal([10, 11], blog.Posts.Select(p => p.ClassicPostId).Order());
            Assert.Equal(["csharp", "dynamodb"], blog.Posts.Single(p => p.ClassicPostId == 11).Tags.Select(t => t.ClassicTagId).Order());

            var tag = (await context.Tags.FindAsync("csharp"))!;
            await context.Entry(tag).Collection(t => t.Posts).LoadAsync();
            Assert.Equal(2, tag.Posts.Count);

            // The explicit join entity is an entity like any other, with its payload and navigations.
            var tagging = await context.PostTags.Include(pt => pt.Tag).Include(pt => pt.Post).SingleAsync(pt => pt.ClassicPostId == 11 && pt.ClassicTagId == "dynamodb");
            Assert.Equal("Keys", tagging.Post.Title);
            Assert.Equal(dynamo.ClassicTagId, tagging.Tag.ClassicTagId);
        }
    }

    [Fact]
    public async Task An_order_with_lines_and_products_loads_lines_from_its_partition_and_products_by_key()
    {
        await using (var context = CreateContext())
        {
            var pen = new Product { ProductId = 1, Name = "Pen", Price = 1.5m };
            var ink = new Product { ProductId = 2, Name = "Ink", Price = 4m };
            context.Orders.Add(new Order
            {
                OrderId = 7,
                PlacedAt = new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc),
                Lines = [new OrderLine { OrderLineId = 1, Product = pen, Quantity = 3 }, new OrderLine { OrderLineId = 2, Product = ink, Quantity = 1 }],
            });
            await context.SaveChangesAsync();
        }

        var (reader, transport) = CreateRecordingContext();
        await using var _ = reader;
        var order = await reader.Orders.Include(o => o.Lines).ThenInclude(l => l.Product).SingleAsync(o => o.OrderId == 7);

        Assert.Equal(8.5m, order.Lines.Sum(l => l.Quantity * l.Product.Price));
        Assert.Equal(["GetItem", "Query", "BatchGetItem"], transport.Operations);

        reader.Orders.Remove(order);
        await reader.SaveChangesAsync();
        Assert.Empty(await reader.OrderLines.Where(l => l.OrderId == 7).ToListAsync());
        Assert.Equal(2, await reader.Products.AllowScan().CountAsync());
    }

    [Fact]
    public async Task Students_and_courses_through_skip_navigations_save_and_load_from_either_side()
    {
        await using (var context = CreateContext())
        {
            var algebra = new Lecture { LectureId = 1, Title = "Algebra" };
            context.Enrollees.AddRange(
                new Enrollee { EnrolleeId = 1, Name = "Ann", Lectures = [algebra, new Lecture { LectureId = 2, Title = "Art" }] },
                new Enrollee { EnrolleeId = 2, Name = "Bob", Lectures = [algebra] });
            await context.SaveChangesAsync();
        }

        await using var check = CreateContext();
        var algebraStudents = await check.Lectures.AsNoTracking().Include(l => l.Enrollees).SingleAsync(l => l.LectureId == 1);
        Assert.Equal(["Ann", "Bob"], algebraStudents.Enrollees.Select(e => e.Name).Order());
        var ann = await check.Enrollees.Include(e => e.Lectures).SingleAsync(e => e.EnrolleeId == 1);
        Assert.Equal(["Algebra", "Art"], ann.Lectures.Select(l => l.Title).Order());
    }
}
