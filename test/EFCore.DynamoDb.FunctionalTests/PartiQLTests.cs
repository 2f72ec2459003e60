using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests;

public class PartiQLTests : DynamoDbTestBase<ShopContext>
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    protected override ShopContext CreateContext(DbContextOptions<ShopContext> options) => new(options);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var context = CreateContext();
        for (var i = 0; i < 5; i++)
        {
            context.Users.Add(new User { Email = "pq@q.com", CreatedAt = Start.AddDays(i), FirstName = "N" + i, Age = i });
        }

        context.Users.Add(new User { Email = "x' OR '1'='1", CreatedAt = Start, Age = 99 });
        await context.SaveChangesAsync();
    }

    [Fact]
    public async Task FromPartiQL_sends_values_as_parameters_and_tracks_results()
    {
        await using var context = CreateContext(sensitive: true);
        var email = "pq@q.com";
        var since = Start.AddDays(2);
        var users = await context.Users.FromPartiQL($"SELECT * FROM users WHERE Email = {email} AND CreatedAt >= {since}").ToListAsync();

        Assert.Equal([2, 3, 4], users.Select(u => u.Age).Order());
        Assert.Equal(3, context.ChangeTracker.Entries().Count());
        var request = Assert.Single(Log.MessagesOf(DynamoDbEventId.ExecutedExecuteStatement));
        Assert.Contains($"Statement: SELECT * FROM \"{Prefix}users\" WHERE Email = ? AND CreatedAt >= ?", request);
        Assert.Contains("S:\"pq@q.com\"", request);
    }

    [Fact]
    public async Task A_hostile_string_value_stays_a_value()
    {
        await using var context = CreateContext();
        var hostile = "nobody' OR '1'='1";
        Assert.Empty(await context.Users.FromPartiQL($"SELECT * FROM users WHERE Email = {hostile}").ToListAsync());

        var literal = "x' OR '1'='1";
        var match = await context.Users.FromPartiQL($"SELECT * FROM users WHERE Email = {literal}").SingleAsync();
        Assert.Equal(99, match.Age);
    }

    [Fact]
    public async Task Select_and_Take_compose_and_ToQueryString_shows_the_statement()
    {
        await using var context = CreateContext();
        var email = "pq@q.com";
        var query = context.Users.FromPartiQL($"SELECT * FROM users WHERE Email = {email}");
        Assert.Equal(2, query.Select(u => u.FirstName).Take(2).ToList().Count);
        Assert.Contains("ExecuteStatement", query.ToQueryString());
        Assert.Contains("Parameters: [ S:\"pq@q.com\" ]", query.ToQueryString());
    }

    [Fact]
    public async Task Filters_on_top_of_FromPartiQL_are_refused_with_advice()
    {
        await using var context = CreateContext();
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Users.FromPartiQL($"SELECT * FROM users").Where(u => u.Age > 1).ToListAsync());
        Assert.Contains("PartiQL statement", exception.Message);
    }

    [Theory]
    [InlineData("SELECT * FROM Users WHERE Email = 'a'", "reads table 'Users', but 'User' is mapped to table 'users'")]
    [InlineData("SELECT * FROM \"orders\"", "reads table 'orders', but 'User' is mapped to table 'users'")]
    [InlineData("SELECT * WHERE Email = 'a'", "names no table after FROM")]
    public async Task A_statement_that_reads_another_table_is_refused_before_it_is_sent(string statement, string expected)
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Users.FromPartiQL(System.Runtime.CompilerServices.FormattableStringFactory.Create(statement)).ToListAsync());
        Assert.Contains(expected, exception.Message);
        Assert.Contains("FROM \"users\"", exception.Message);
        Assert.Empty(transport.Operations);
    }
}
