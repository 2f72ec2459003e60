using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests;

public class CrudTests : IAsyncLifetime
{
    private readonly string _prefix = TestDb.NewPrefix();

    private ShopContext CreateContext() => new(TestDb.Options<ShopContext>(_prefix));

    public async Task InitializeAsync()
    {
        await using var context = CreateContext();
        Assert.True(await context.Database.EnsureCreatedAsync());
    }

    public async Task DisposeAsync()
    {
        await using var context = CreateContext();
        await context.Database.EnsureDeletedAsync();
    }

    [Fact]
    public async Task Insert_find_update_delete_round_trip()
    {
        var createdAt = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        await using (var context = CreateContext())
        {
            context.Users.Add(new User { Email = "a@b.com", CreatedAt = createdAt, FirstName = "Ada", Age = 36, Active = true });
            Assert.Equal(1, await context.SaveChangesAsync());
        }

        await using (var context = CreateContext())
        {
            var user = await context.Users.FindAsync("a@b.com", createdAt);
            Assert.NotNull(user);
            Assert.Equal("Ada", user.FirstName);
            Assert.Equal(36, user.Age);
            Assert.True(user.Active);
            Assert.Null(user.Visits);

            user.Age = 37;
            user.Visits = 3;
            Assert.Equal(1, await context.SaveChangesAsync());
        }

        await using (var context = CreateContext())
        {
            var user = await context.Users.FirstOrDefaultAsync(u => u.Email == "a@b.com" && u.CreatedAt == createdAt);
            Assert.NotNull(user);
            Assert.Equal(37, user.Age);
            Assert.Equal(3, user.Visits);
            context.Users.Remove(user);
            Assert.Equal(1, await context.SaveChangesAsync());
        }

        await using (var context = CreateContext())
        {
            Assert.Null(await context.Users.FindAsync("a@b.com", createdAt));
        }
    }

    [Fact]
    public async Task Partition_query_returns_items_of_one_partition()
    {
        await using (var context = CreateContext())
        {
            for (var i = 0; i < 5; i++)
            {
                context.Users.Add(new User { Email = "p@q.com", CreatedAt = new DateTime(2026, 1, 1).AddDays(i), Age = i });
                context.Users.Add(new User { Email = "other@q.com", CreatedAt = new DateTime(2026, 1, 1).AddDays(i), Age = i });
            }

            await context.SaveChangesAsync();
        }

        await using (var context = CreateContext())
        {
            var users = await context.Users.Where(u => u.Email == "p@q.com").ToListAsync();
            Assert.Equal(5, users.Count);
            Assert.All(users, u => Assert.Equal("p@q.com", u.Email));
            var all = context.Users.AllowScan().ToList();
            Assert.Equal(10, all.Count);
        }
    }
}
