using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests;

public class LazyLoadingTests : DynamoDbTestBase<LibraryContext>
{
    protected override LibraryContext CreateContext(DbContextOptions<LibraryContext> options)
        => new(new DbContextOptionsBuilder<LibraryContext>(options).UseLazyLoadingProxies().Options);

    [Fact]
    public async Task Navigations_load_on_first_access_with_the_requests_of_an_include()
    {
        await using (var seed = CreateContext())
        {
            var shelf = seed.CreateProxy<Shelf>(s => (s.Id, s.Label) = ("s1", "Fiction"));
            seed.Shelves.Add(shelf);
            foreach (var i in Enumerable.Range(0, 3))
            {
                shelf.Books.Add(seed.CreateProxy<Book>(b => (b.Id, b.Title) = ($"k{i}", $"Book {i}")));
            }

            await seed.SaveChangesAsync();
        }

        var (context, transport) = CreateRecordingContext();
        await using var _ = context;
        var book = (await context.Books.FindAsync("k1"))!;
        transport.Clear();

        Assert.Equal("Fiction", book.Shelf!.Label);
        Assert.Equal(["GetItem"], transport.Operations);

        Assert.Equal(["k0", "k1", "k2"], book.Shelf.Books.Select(b => b.Id).Order());
        Assert.Equal(["GetItem", "Query"], transport.Operations);
        Assert.Contains("\"IndexName\":\"by-shelf\"", transport.Requests.Last().Body);
        Assert.True(context.Entry(book.Shelf).Collection(s => s.Books).IsLoaded);

        transport.Clear();
        var untracked = await context.Shelves.AsNoTracking().Include(s => s.Books).SingleAsync(s => s.Id == "s1");
        Assert.Equal(3, untracked.Books.Count);
        Assert.Equal(["GetItem", "Query"], transport.Operations);
    }
}
