using EFCore.DynamoDb.FunctionalTests.Models;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.TestUtilities;

/// <summary>A table of <see cref="Count"/> readings of about 450 bytes each, written once for a test class.</summary>
public sealed class ReadingsFixture : IAsyncLifetime
{
    public const int Count = 5000;

    public string Prefix { get; } = TestDb.NewPrefix();

    public ReadingsContext CreateContext(Action<DynamoDbDbContextOptionsBuilder>? configure = null, Action<DbContextOptionsBuilder>? configureContext = null)
        => new(TestDb.Options<ReadingsContext>(Prefix, configure, configureContext));

    public async Task InitializeAsync()
    {
        await using var context = CreateContext();
        await context.Database.EnsureCreatedAsync();
        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        context.Readings.AddRange(Enumerable.Range(0, Count).Select(Make));
        await context.SaveChangesAsync();
    }

    public static Reading Make(int sequence)
        => new()
        {
            Id = "r" + sequence.ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
            Sequence = sequence,
            Sensor = "s" + (sequence % 7),
            Value = sequence / 8.0,
            Payload = new string((char)('a' + (sequence % 26)), 400),
        };

    public async Task DisposeAsync()
    {
        await using var context = CreateContext();
        await context.Database.EnsureDeletedAsync();
    }
}
