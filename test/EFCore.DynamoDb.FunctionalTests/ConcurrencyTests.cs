using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests;

public class ConcurrencyTests : DynamoDbTestBase<VersionedContext>
{
    protected override VersionedContext CreateContext(DbContextOptions<VersionedContext> options) => new(options);

    [Fact]
    public async Task Row_version_is_set_on_insert_and_incremented_on_each_update()
    {
        await using var context = CreateContext();
        var document = new Document { Id = "d1", Body = "v1" };
        context.Documents.Add(document);
        await context.SaveChangesAsync();
        Assert.Equal(1, document.Version);

        document.Body = "v2";
        await context.SaveChangesAsync();
        Assert.Equal(2, document.Version);

        await using var fresh = CreateContext();
        Assert.Equal(2, (await fresh.Documents.FindAsync("d1"))!.Version);
    }

    [Fact]
    public async Task Stale_row_version_fails_update_and_delete_with_concurrency_exception()
    {
        await using (var setup = CreateContext())
        {
            setup.Documents.Add(new Document { Id = "d2", Body = "v1" });
            await setup.SaveChangesAsync();
        }

        await using var first = CreateContext();
        await using var second = CreateContext();
        var mine = (await first.Documents.FindAsync("d2"))!;
        var theirs = (await second.Documents.FindAsync("d2"))!;

        theirs.Body = "theirs";
        await second.SaveChangesAsync();

        mine.Body = "mine";
        var update = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());
        Assert.Same(mine, Assert.Single(update.Entries).Entity);

        first.Documents.Remove(mine);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());

        await using var check = CreateContext();
        Assert.Equal("theirs", (await check.Documents.FindAsync("d2"))!.Body);
    }

    [Fact]
    public async Task Items_written_before_the_row_version_existed_can_be_updated()
    {
        using var raw = TestDb.RawClient();
        await raw.PutItemAsync(Prefix + "Documents", new Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>
        {
            ["Id"] = new() { S = "legacy" },
            ["Body"] = new() { S = "old" },
        });

        await using var context = CreateContext();
        var document = (await context.Documents.FindAsync("legacy"))!;
        Assert.Equal(0, document.Version);
        document.Body = "new";
        await context.SaveChangesAsync();
        Assert.Equal(1, document.Version);
    }

    [Fact]
    public async Task Concurrency_token_is_checked_against_its_original_value()
    {
        await using (var setup = CreateContext())
        {
            setup.Documents.Add(new Document { Id = "d3", Owner = "ann" });
            await setup.SaveChangesAsync();
        }

        await using var first = CreateContext();
        await using var second = CreateContext();
        var mine = (await first.Documents.FindAsync("d3"))!;
        var theirs = (await second.Documents.FindAsync("d3"))!;
        theirs.Owner = "bob";
        await second.SaveChangesAsync();

        // Only the token check (not the row version) is stale here: reset the version the other save moved.
        mine.Body = "edit";
        first.Entry(mine).Property(d => d.Version).OriginalValue = 2;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());
    }

    [Fact]
    public async Task A_Timestamp_byte_array_is_an_8_byte_binary_version_incremented_and_checked()
    {
        await using var first = CreateContext();
        var note = new Note { Id = "n1", Text = "v1" };
        first.Notes.Add(note);
        await first.SaveChangesAsync();
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 1], note.RowVersion);

        await using var second = CreateContext();
        var theirs = (await second.Notes.FindAsync("n1"))!;
        note.Text = "v2";
        await first.SaveChangesAsync();
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 2], note.RowVersion);
        Assert.Equal(8, (await RawItemAsync("Notes", "n1"))["RowVersion"].B.Length);

        theirs.Text = "stale";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task ExecuteUpdate_moves_the_row_version_on_so_a_stale_copy_fails_to_save()
    {
        await using (var setup = CreateContext())
        {
            setup.Documents.Add(new Document { Id = "x1", Body = "v1" });
            setup.Notes.Add(new Note { Id = "x2", Text = "v1" });
            await setup.SaveChangesAsync();
        }

        await using var stale = CreateContext();
        var document = (await stale.Documents.FindAsync("x1"))!;
        var note = (await stale.Notes.FindAsync("x2"))!;

        await using (var other = CreateContext())
        {
            Assert.Equal(1, await other.Documents.Where(d => d.Id == "x1").ExecuteUpdateAsync(s => s.SetProperty(d => d.Body, "bulk")));
            Assert.Equal(1, await other.Notes.Where(n => n.Id == "x2").ExecuteUpdateAsync(s => s.SetProperty(n => n.Text, "bulk")));
            Assert.Equal(2, (await other.Documents.AsNoTracking().SingleAsync(d => d.Id == "x1")).Version);
        }

        document.Body = "lost update?";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
        stale.ChangeTracker.Clear();
        stale.Attach(note).Property(n => n.Text).CurrentValue = "lost update?";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
    }
}
