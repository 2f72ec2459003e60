using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests;

public class QueryCacheTests : DynamoDbTestBase<ShopContext>
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly Func<ShopContext, string, IAsyncEnumerable<User>> UsersByEmail
        = EF.CompileAsyncQuery((ShopContext context, string email) => context.Users.Where(u => u.Email == email));

    protected override ShopContext CreateContext(DbContextOptions<ShopContext> options) => new(options);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var context = CreateContext();
        context.Users.Add(new User { Email = "one@c.com", CreatedAt = Start, Age = 1 });
        context.Users.Add(new User { Email = "two@c.com", CreatedAt = Start, Age = 2 });
        await context.SaveChangesAsync();
    }

    [Fact]
    public async Task Compiled_queries_take_their_parameters_per_execution()
    {
        await using var context = CreateContext();
        var one = new List<User>();
        await foreach (var user in UsersByEmail(context, "one@c.com"))
        {
            one.Add(user);
        }

        var two = new List<User>();
        await foreach (var user in UsersByEmail(context, "two@c.com"))
        {
            two.Add(user);
        }

        Assert.Equal(1, Assert.Single(one).Age);
        Assert.Equal(2, Assert.Single(two).Age);
    }

    [Fact]
    public async Task Captured_values_are_parameters_so_the_query_compiles_once()
    {
        foreach (var email in new[] { "one@c.com", "two@c.com", "three@c.com" })
        {
            await using var context = CreateContext();
            var found = await context.Users.Where(u => u.Email == email).Select(u => u.Age).ToListAsync();
            Assert.Equal(email == "three@c.com" ? 0 : 1, found.Count);
        }

        Assert.Single(Log.Messages, m => m.EventId.Id == CoreEventId.QueryCompilationStarting.Id && m.Message.Contains("Select(u => u.Age)"));
    }
}
