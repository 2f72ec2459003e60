using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests;

public class CrudTests : DynamoDbTestBase<ShopContext>
{
    private static readonly DateTime CreatedAt = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    protected override ShopContext CreateContext(DbContextOptions<ShopContext> options) => new(options);

    [Fact]
    public async Task Insert_find_update_delete_round_trip()
    {
        await using (var context = CreateContext())
        {
            context.Users.Add(new User { Email = "a@b.com", CreatedAt = CreatedAt, FirstName = "Ada", Age = 36, Active = true });
            Assert.Equal(1, await context.SaveChangesAsync());
        }

        await using (var context = CreateContext())
        {
            var user = await context.Users.FindAsync("a@b.com", CreatedAt);
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
            var user = await context.Users.FirstOrDefaultAsync(u => u.Email == "a@b.com" && u.CreatedAt == CreatedAt);
            Assert.NotNull(user);
            Assert.Equal(37, user.Age);
            Assert.Equal(3, user.Visits);
            context.Users.Remove(user);
            Assert.Equal(1, await context.SaveChangesAsync());
        }

        await using (var context = CreateContext())
        {
            Assert.Null(await context.Users.FindAsync("a@b.com", CreatedAt));
        }
    }

    [Fact]
    public void Synchronous_APIs_work_end_to_end()
    {
        using (var context = CreateContext())
        {
            context.Users.Add(new User { Email = "sync@b.com", CreatedAt = CreatedAt, Age = 1 });
            Assert.Equal(1, context.SaveChanges());
        }

        using (var context = CreateContext())
        {
            var user = context.Users.Find("sync@b.com", CreatedAt)!;
            user.Age = 2;
            context.SaveChanges();
            Assert.Single(context.Users.Where(u => u.Email == "sync@b.com").ToList());
            Assert.Equal(2, context.Users.AsNoTracking().First(u => u.Email == "sync@b.com").Age);
            context.Users.Remove(user);
            context.SaveChanges();
            Assert.Null(context.Users.SingleOrDefault(u => u.Email == "sync@b.com" && u.CreatedAt == CreatedAt));
        }
    }

    [Fact]
    public async Task Update_writes_only_changed_attributes_and_keeps_unknown_ones()
    {
        await using (var context = CreateContext())
        {
            context.Users.Add(new User { Email = "u@b.com", CreatedAt = CreatedAt, FirstName = "Una", Age = 20 });
            await context.SaveChangesAsync();
        }

        using var raw = TestDb.RawClient();
        var table = Prefix + "users";
        var key = new Dictionary<string, AttributeValue>
        {
            ["Email"] = new() { S = "u@b.com" },
            ["CreatedAt"] = new() { S = "2026-01-02T03:04:05.0000000Z" },
        };
        await raw.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table,
            Key = key,
            UpdateExpression = "SET extra = :x",
            ExpressionAttributeValues = new() { [":x"] = new AttributeValue { S = "kept" } },
        });

        await using (var context = CreateContext(sensitive: true))
        {
            var user = (await context.Users.FindAsync("u@b.com", CreatedAt))!;
            user.FirstName = null;
            user.Age = 21;
            await context.SaveChangesAsync();
        }

        var update = Assert.Single(Log.MessagesOf(Microsoft.EntityFrameworkCore.Diagnostics.DynamoDbEventId.ExecutedUpdateItem));
        Assert.Contains("UpdateExpression: SET #Age = :v0 REMOVE #first_name", update);

        var stored = (await raw.GetItemAsync(table, key)).Item;
        Assert.Equal("kept", stored["extra"].S);
        Assert.Equal("21", stored["Age"].N);
        Assert.False(stored.ContainsKey("first_name"));
    }

    [Fact]
    public async Task Duplicate_insert_throws_DbUpdateException_naming_the_entity()
    {
        await using (var context = CreateContext())
        {
            context.Users.Add(new User { Email = "dup@b.com", CreatedAt = CreatedAt });
            await context.SaveChangesAsync();
        }

        await using (var context = CreateContext())
        {
            context.Users.Add(new User { Email = "dup@b.com", CreatedAt = CreatedAt, Age = 99 });
            var exception = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
            Assert.IsNotType<DbUpdateConcurrencyException>(exception);
            Assert.Contains("'User'", exception.Message);
            Assert.Contains("already exists", exception.Message);
            Assert.IsType<ConditionalCheckFailedException>(exception.InnerException);
            Assert.Single(exception.Entries);
        }

        await using (var context = CreateContext())
        {
            Assert.Equal(0, (await context.Users.FindAsync("dup@b.com", CreatedAt))!.Age);
        }
    }

    [Fact]
    public async Task Update_of_missing_item_throws_concurrency_exception_and_creates_nothing()
    {
        await using (var context = CreateContext())
        {
            var ghost = new User { Email = "ghost@b.com", CreatedAt = CreatedAt, Age = 1 };
            context.Users.Attach(ghost);
            ghost.Age = 2;
            var exception = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => context.SaveChangesAsync());
            Assert.Same(ghost, Assert.Single(exception.Entries).Entity);
        }

        await using (var context = CreateContext())
        {
            Assert.Null(await context.Users.FindAsync("ghost@b.com", CreatedAt));
        }
    }

    [Fact]
    public async Task Delete_of_missing_item_throws_concurrency_exception()
    {
        await using var context = CreateContext();
        context.Users.Remove(new User { Email = "nobody@b.com", CreatedAt = CreatedAt });
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => context.SaveChangesAsync());
    }

    [Fact]
    public async Task Empty_key_values_find_nothing_without_a_request()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;
        Assert.Null(await context.Users.FindAsync("", CreatedAt));
        Assert.Empty(await context.Users.Where(u => u.Email == "").ToListAsync());
        Assert.Empty(transport.Operations);
    }

    [Fact]
    public async Task Deleting_and_adding_the_same_key_in_one_save_replaces_the_item()
    {
        await using (var context = CreateContext())
        {
            context.Users.Add(new User { Email = "swap@b.com", CreatedAt = CreatedAt, Age = 1, FirstName = "Old" });
            await context.SaveChangesAsync();
        }

        await using (var context = CreateContext())
        {
            var old = (await context.Users.FindAsync("swap@b.com", CreatedAt))!;
            context.Users.Remove(old);
            context.Users.Add(new User { Email = "swap@b.com", CreatedAt = CreatedAt, Age = 2 });
            await context.SaveChangesAsync();
        }

        await using (var context = CreateContext())
        {
            var user = (await context.Users.FindAsync("swap@b.com", CreatedAt))!;
            Assert.Equal(2, user.Age);
            Assert.Null(user.FirstName);
        }
    }

    [Fact]
    public async Task Queries_work_with_thread_safety_checks_disabled()
    {
        await using var context = new ShopContext(TestDb.Options<ShopContext>(Prefix, configureContext: o => o.EnableThreadSafetyChecks(false)));
        Assert.Empty(await context.Users.Where(u => u.Email == "none@b.com").ToListAsync());
        Assert.Empty(context.Users.Where(u => u.Email == "none@b.com").ToList());
    }

    [Fact]
    public async Task Guid_keys_are_generated_on_the_client()
    {
        Guid id;
        await using (var context = CreateContext())
        {
            var order = new Order { Customer = "c1", Total = 12.34m, Status = OrderStatus.Shipped };
            context.Orders.Add(order);
            await context.SaveChangesAsync();
            id = order.Id;
            Assert.NotEqual(Guid.Empty, id);
        }

        await using (var context = CreateContext())
        {
            var order = await context.Orders.FindAsync(id);
            Assert.Equal(12.34m, order!.Total);
            Assert.Equal(OrderStatus.Shipped, order.Status);
        }
    }

    [Fact]
    public async Task Tracking_queries_resolve_identities_and_no_tracking_queries_do_not_track()
    {
        await using (var context = CreateContext())
        {
            context.Users.Add(new User { Email = "t@b.com", CreatedAt = CreatedAt });
            await context.SaveChangesAsync();
        }

        await using (var context = CreateContext())
        {
            var first = await context.Users.SingleAsync(u => u.Email == "t@b.com");
            var second = await context.Users.FindAsync("t@b.com", CreatedAt);
            Assert.Same(first, second);
            Assert.Single(context.ChangeTracker.Entries());

            var untracked = await context.Users.AsNoTracking().Where(u => u.Email == "t@b.com").ToListAsync();
            Assert.NotSame(first, Assert.Single(untracked));
            Assert.Single(context.ChangeTracker.Entries());
        }
    }

    [Fact]
    public async Task Single_fails_on_two_results_and_identity_resolution_without_tracking()
    {
        await using (var context = CreateContext())
        {
            context.Users.Add(new User { Email = "twin@b.com", CreatedAt = CreatedAt });
            context.Users.Add(new User { Email = "twin@b.com", CreatedAt = CreatedAt.AddDays(1) });
            await context.SaveChangesAsync();
        }

        await using (var context = CreateContext())
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => context.Users.SingleAsync(u => u.Email == "twin@b.com"));
            Assert.Null(await context.Users.SingleOrDefaultAsync(u => u.Email == "nobody@b.com"));
            await Assert.ThrowsAsync<InvalidOperationException>(() => context.Users.FirstAsync(u => u.Email == "nobody@b.com"));
        }

        await using (var context = CreateContext())
        {
            var pair = await context.Users.AsNoTrackingWithIdentityResolution()
                .Where(u => u.Email == "twin@b.com").Select(u => new { A = u, B = u }).ToListAsync();
            Assert.All(pair, p => Assert.Same(p.A, p.B));
            Assert.Empty(context.ChangeTracker.Entries());
        }
    }

    [Fact]
    public async Task Partition_query_with_sort_key_range_and_ordering()
    {
        await using (var context = CreateContext())
        {
            for (var i = 0; i < 12; i++)
            {
                context.Users.Add(new User { Email = "p@q.com", CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i * 3), Age = i });
                context.Users.Add(new User { Email = "other@q.com", CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i), Age = i });
            }

            await context.SaveChangesAsync();
        }

        await using (var context = CreateContext())
        {
            var partition = await context.Users.Where(u => u.Email == "p@q.com").ToListAsync();
            Assert.Equal(12, partition.Count);
            Assert.All(partition, u => Assert.Equal("p@q.com", u.Email));

            var since = new DateTime(2026, 1, 20, 0, 0, 0, DateTimeKind.Utc);
            var newest = await context.Users
                .Where(u => u.Email == "p@q.com" && u.CreatedAt > since)
                .OrderByDescending(u => u.CreatedAt)
                .Take(3)
                .ToListAsync();
            Assert.Equal([11, 10, 9], newest.Select(u => u.Age));

            var filtered = await context.Users.Where(u => u.Email == "p@q.com" && u.Age >= 5 && u.Age < 8).ToListAsync();
            Assert.Equal([5, 6, 7], filtered.Select(u => u.Age).Order());

            Assert.Equal(24, context.Users.AllowScan().ToList().Count);
        }

        // Only the explicit AllowScan read scanned; every partition read was a Query.
        Assert.Single(Log.MessagesOf(Microsoft.EntityFrameworkCore.Diagnostics.DynamoDbEventId.ExecutedScan));
        Assert.Equal(3, Log.MessagesOf(Microsoft.EntityFrameworkCore.Diagnostics.DynamoDbEventId.ExecutedQuery).Count());
    }
}
