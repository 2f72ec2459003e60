using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.TestUtilities;

/// <summary>
/// A test class with its own table prefix: its tables are created before its tests and deleted after them,
/// so test classes never see each other's data on the shared server.
/// </summary>
public abstract class DynamoDbTestBase<TContext> : IAsyncLifetime
    where TContext : DbContext
{
    protected string Prefix { get; } = TestDb.NewPrefix();

    protected ListLoggerFactory Log { get; } = new();

    protected abstract TContext CreateContext(DbContextOptions<TContext> options);

    protected TContext CreateContext(Action<DynamoDbDbContextOptionsBuilder>? configure = null, bool sensitive = false)
        => CreateContext(TestDb.Options<TContext>(Prefix, configure, o =>
        {
            o.UseLoggerFactory(Log);
            if (sensitive)
            {
                o.EnableSensitiveDataLogging();
            }
        }));

    public virtual async Task InitializeAsync()
    {
        await using var context = CreateContext();
        await context.Database.EnsureCreatedAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await using var context = CreateContext();
        await context.Database.EnsureDeletedAsync();
    }
}
