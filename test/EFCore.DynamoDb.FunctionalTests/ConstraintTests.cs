using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests;

/// <summary>The model's constraints, enforced by the provider before sending: DynamoDB has no schema to do it.</summary>
public class ConstraintTests : DynamoDbTestBase<HelpdeskContext>
{
    protected override HelpdeskContext CreateContext(DbContextOptions<HelpdeskContext> options) => new(options);

    [Fact]
    public async Task A_required_value_left_null_is_refused_with_nothing_sent()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;
        context.Tickets.Add(new Ticket { Id = "t1", Title = null! });

        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());

        Assert.Contains("'Ticket'", exception.Message);
        Assert.Contains("{Id}", exception.Message); // key values only with sensitive data logging
        Assert.Contains("'Title'", exception.Message);
        Assert.Empty(transport.Operations);
        Assert.Empty(await RawItemAsync("Tickets", "t1"));
    }

    [Fact]
    public async Task A_value_over_its_maximum_length_is_refused_on_insert_and_update()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;
        context.Tickets.Add(new Ticket { Id = "t2", Title = "T", Code = "TOOLONG" });
        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        Assert.Contains("'Ticket.Code'", exception.Message);
        Assert.Contains("maximum length of 5", exception.Message);

        var ticket = context.Tickets.Local.Single();
        ticket.Code = "OK";
        await context.SaveChangesAsync();
        transport.Clear();
        ticket.Code = "ABCDEF";
        await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        Assert.Empty(transport.Operations);
        Assert.Equal("OK", (await RawItemAsync("Tickets", "t2"))["Code"].S);
    }

    [Fact]
    public async Task HasDefaultValue_applies_on_insert_to_sentinel_values_only()
    {
        await using var context = CreateContext();
        var plain = new Ticket { Id = "t3", Title = "Plain" };
        var set = new Ticket { Id = "t4", Title = "Set", Status = "closed", Priority = 1 };
        context.Tickets.AddRange(plain, set);
        await context.SaveChangesAsync();

        Assert.Equal(("open", 3), (plain.Status, plain.Priority));
        Assert.Equal(("closed", 1), (set.Status, set.Priority));
        var stored = await RawItemAsync("Tickets", "t3");
        Assert.Equal("open", stored["Status"].S);
        Assert.Equal("3", stored["Priority"].N);
    }

    public static TheoryData<string, Action<Ticket>, string> BadInputs => new()
    {
        { "partition key over 2048 bytes", t => t.Id = new string('é', 1025), "2048 bytes" },
        { "number beyond DynamoDB's range", t => t.Score = 1e200, "9.99E+125" },
        { "number below DynamoDB's precision", t => t.Score = 1e-200, "1E-130" },
        { "lone surrogate", t => t.Title = "broken \uD800 text", "lone surrogate" },
        { "empty dictionary key", t => t.Counts[""] = 1, "empty key" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task What_DynamoDB_would_refuse_or_corrupt_is_refused_before_sending(string input, Action<Ticket> spoil, string message)
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;
        var ticket = new Ticket { Id = "bad-" + input.Length, Title = "T" };
        spoil(ticket);
        context.Tickets.Add(ticket);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        Assert.Contains(message, exception.Message);
        Assert.Contains("Ticket", exception.Message);
        Assert.Empty(transport.Operations);
    }
}
