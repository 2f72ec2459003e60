using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests;

public class ProjectionAndAggregateTests : DynamoDbTestBase<ShopContext>
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    protected override ShopContext CreateContext(DbContextOptions<ShopContext> options) => new(options);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var context = CreateContext();
        for (var i = 0; i < 10; i++)
        {
            context.Users.Add(new User { Email = "p@q.com", CreatedAt = Start.AddDays(i), FirstName = "F" + i, LastName = i % 2 == 0 ? "Even" : null, Age = 20 + i });
        }

        context.Users.Add(new User { Email = "solo@q.com", CreatedAt = Start, FirstName = "Solo", Age = 50 });
        await context.SaveChangesAsync();
    }

    [Fact]
    public async Task Select_reads_only_the_projected_attributes()
    {
        await using var context = CreateContext();
        var names = await context.Users
            .Where(u => u.Email == "p@q.com" && u.Age >= 25)
            .Select(u => new { u.FirstName, Next = u.Age + 1 })
            .ToListAsync();

        Assert.Equal(["F5", "F6", "F7", "F8", "F9"], names.Select(n => n.FirstName).Order());
        Assert.Equal(Enumerable.Range(26, 5), names.Select(n => n.Next).Order());
        var query = Assert.Single(Log.MessagesOf(DynamoDbEventId.ExecutedQuery));
        Assert.Contains("ProjectionExpression: #first_name, #Age", query);
        Assert.Empty(context.ChangeTracker.Entries());
    }

    [Fact]
    public async Task Scalar_projection_with_ordering_and_take()
    {
        await using var context = CreateContext();
        var ages = context.Users.Where(u => u.Email == "p@q.com").OrderByDescending(u => u.CreatedAt).Select(u => u.Age).Take(3).ToList();
        Assert.Equal([29, 28, 27], ages);

        var first = await context.Users.Where(u => u.Email == "solo@q.com").Select(u => u.FirstName).FirstOrDefaultAsync();
        Assert.Equal("Solo", first);
    }

    [Fact]
    public async Task Projection_of_the_entity_with_extra_values_reads_whole_items_and_tracks()
    {
        await using var context = CreateContext();
        var rows = await context.Users.Where(u => u.Email == "solo@q.com").Select(u => new { User = u, u.Age }).ToListAsync();
        var row = Assert.Single(rows);
        Assert.Equal(50, row.User.Age);
        Assert.DoesNotContain("ProjectionExpression", Assert.Single(Log.MessagesOf(DynamoDbEventId.ExecutedQuery)));
        Assert.Single(context.ChangeTracker.Entries());
    }

    [Fact]
    public async Task Count_and_LongCount_use_Select_COUNT()
    {
        await using var context = CreateContext();
        Assert.Equal(10, await context.Users.CountAsync(u => u.Email == "p@q.com"));
        Assert.Equal(4L, await context.Users.Where(u => u.Email == "p@q.com" && u.Age > 25).LongCountAsync());
        Assert.Equal(5, context.Users.Count(u => u.Email == "p@q.com" && u.LastName == null));
        Assert.Equal(3, await context.Users.Where(u => u.Email == "p@q.com").Take(3).CountAsync());
        Assert.Equal(11, await context.Users.AllowScan().CountAsync());
        Assert.All(Log.MessagesOf(DynamoDbEventId.ExecutedQuery), m => Assert.Contains("Select: COUNT", m));
    }

    [Fact]
    public async Task Any_and_All_answer_from_counts()
    {
        await using var context = CreateContext();
        Assert.True(await context.Users.AnyAsync(u => u.Email == "p@q.com"));
        Assert.False(await context.Users.AnyAsync(u => u.Email == "nobody@q.com"));
        Assert.True(context.Users.Where(u => u.Email == "p@q.com").Any(u => u.Age == 29));
        Assert.True(await context.Users.Where(u => u.Email == "p@q.com").AllAsync(u => u.Age >= 20));
        Assert.False(await context.Users.Where(u => u.Email == "p@q.com").AllAsync(u => u.LastName == "Even"));
        Assert.True(await context.Users.AnyAsync(u => u.Email == "solo@q.com" && u.CreatedAt == Start));
    }
}
