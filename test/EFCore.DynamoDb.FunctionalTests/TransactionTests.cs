using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests;

public class TransactionTests : DynamoDbTestBase<ShopContext>
{
    private static readonly DateTime CreatedAt = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    protected override ShopContext CreateContext(DbContextOptions<ShopContext> options) => new(options);

    [Fact]
    public async Task Several_writes_are_one_TransactWriteItems()
    {
        await using var context = CreateContext();
        context.Users.Add(new User { Email = "a@t.com", CreatedAt = CreatedAt });
        context.Users.Add(new User { Email = "b@t.com", CreatedAt = CreatedAt });
        context.Orders.Add(new Order { Customer = "a@t.com", Total = 3m });
        Assert.Equal(3, await context.SaveChangesAsync());

        var transaction = Assert.Single(Log.MessagesOf(DynamoDbEventId.ExecutedTransactWriteItems));
        Assert.Contains("TransactWriteItems (3 writes)", transaction);
        Assert.Empty(Log.MessagesOf(DynamoDbEventId.ExecutedPutItem));
        Assert.Equal(2, await context.Users.AllowScan().CountAsync());
    }

    [Fact]
    public async Task One_failing_condition_among_several_writes_leaves_nothing_written()
    {
        await using (var setup = CreateContext())
        {
            setup.Users.Add(new User { Email = "taken@t.com", CreatedAt = CreatedAt, Age = 1 });
            await setup.SaveChangesAsync();
        }

        await using (var context = CreateContext())
        {
            var existing = (await context.Users.FindAsync("taken@t.com", CreatedAt))!;
            existing.Age = 2;
            context.Users.Add(new User { Email = "fresh@t.com", CreatedAt = CreatedAt });
            context.Users.Add(new User { Email = "taken@t.com", CreatedAt = CreatedAt.AddDays(1) });
            var ghost = new User { Email = "ghost@t.com", CreatedAt = CreatedAt };
            context.Users.Attach(ghost).Property(u => u.Age).IsModified = true;

            var exception = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => context.SaveChangesAsync());
            Assert.Same(ghost, Assert.Single(exception.Entries).Entity);
            Assert.IsType<TransactionCanceledException>(exception.InnerException);
            Assert.Contains("none of its writes were applied", exception.Message);
        }

        await using var check = CreateContext();
        Assert.Equal(1, (await check.Users.FindAsync("taken@t.com", CreatedAt))!.Age);
        Assert.Null(await check.Users.FindAsync("fresh@t.com", CreatedAt));
        Assert.Equal(1, await check.Users.AllowScan().CountAsync());
    }

    [Fact]
    public async Task Duplicate_insert_in_a_transaction_is_a_DbUpdateException_naming_the_entity()
    {
        await using (var setup = CreateContext())
        {
            setup.Users.Add(new User { Email = "dup@t.com", CreatedAt = CreatedAt });
            await setup.SaveChangesAsync();
        }

        await using var context = CreateContext();
        context.Users.Add(new User { Email = "new@t.com", CreatedAt = CreatedAt });
        var duplicate = new User { Email = "dup@t.com", CreatedAt = CreatedAt };
        context.Users.Add(duplicate);
        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        Assert.IsNotType<DbUpdateConcurrencyException>(exception);
        Assert.Same(duplicate, Assert.Single(exception.Entries).Entity);
        Assert.Contains("already exists", exception.Message);
    }

    [Fact]
    public async Task More_than_100_writes_are_split_with_a_warning_and_refused_under_Always()
    {
        var (refused, transport) = CreateRecordingContext();
        await using (refused)
        {
            refused.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
            refused.Users.AddRange(Enumerable.Range(0, 101).Select(i => new User { Email = $"u{i}@t.com", CreatedAt = CreatedAt }));
            var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => refused.SaveChangesAsync());
            Assert.Contains("101 writes", exception.Message);
            Assert.Empty(transport.Operations);
        }

        await using (var split = CreateContext())
        {
            split.Users.AddRange(Enumerable.Range(0, 130).Select(i => new User { Email = $"u{i}@t.com", CreatedAt = CreatedAt }));
            Assert.Equal(130, await split.SaveChangesAsync());
            Assert.Equal(2, Log.MessagesOf(DynamoDbEventId.ExecutedTransactWriteItems).Count());
            Assert.Contains("not atomic as a whole", Assert.Single(Log.MessagesOf(DynamoDbEventId.SaveNotAtomicWarning)));
            Assert.Equal(130, await split.Users.AllowScan().CountAsync());
        }
    }

    [Fact]
    public async Task AutoTransactionBehavior_Never_sends_inserts_as_one_BatchWriteItem()
    {
        await using var context = CreateContext();
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        context.Users.Add(new User { Email = "a@n.com", CreatedAt = CreatedAt });
        context.Users.Add(new User { Email = "b@n.com", CreatedAt = CreatedAt });
        await context.SaveChangesAsync();
        Assert.Contains("2 puts", Assert.Single(Log.MessagesOf(DynamoDbEventId.ExecutedBatchWriteItem)));
        Assert.Empty(Log.MessagesOf(DynamoDbEventId.ExecutedPutItem));
        Assert.Empty(Log.MessagesOf(DynamoDbEventId.ExecutedTransactWriteItems));
    }

    [Fact]
    public async Task SaveChanges_in_an_ambient_transaction_is_an_error_unless_the_warning_is_configured()
    {
        await using (var context = CreateContext())
        {
            using var scope = new System.Transactions.TransactionScope(System.Transactions.TransactionScopeAsyncFlowOption.Enabled);
            context.Users.Add(new User { Email = "ambient@b.com", CreatedAt = CreatedAt });
            var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());
            Assert.Contains(nameof(DynamoDbEventId.AmbientTransactionWarning), exception.Message);
        }

        await using (var check = CreateContext())
        {
            Assert.Empty(await check.Users.Where(u => u.Email == "ambient@b.com").ToListAsync());
        }

        var options = TestDb.Options<ShopContext>(Prefix, configureContext: o => o
            .UseLoggerFactory(Log)
            .ConfigureWarnings(w => w.Log(DynamoDbEventId.AmbientTransactionWarning)));
        await using (var tolerant = new ShopContext(options))
        {
            using var scope = new System.Transactions.TransactionScope(System.Transactions.TransactionScopeAsyncFlowOption.Enabled);
            tolerant.Users.Add(new User { Email = "ambient@b.com", CreatedAt = CreatedAt });
            await tolerant.SaveChangesAsync();
        }

        Assert.Single(Log.MessagesOf(DynamoDbEventId.AmbientTransactionWarning));
    }
}
