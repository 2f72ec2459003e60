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
}
