using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Models;

public class Shelf
{
    public virtual string Id { get; set; } = "";
    public virtual string Label { get; set; } = "";
    public virtual ICollection<Book> Books { get; set; } = [];
}

public class Book
{
    public virtual string Id { get; set; } = "";
    public virtual string ShelfId { get; set; } = "";
    public virtual string Title { get; set; } = "";
    public virtual Shelf? Shelf { get; set; }
}

/// <summary>Shelves and books for lazy loading with EF Core's proxies: books are found by a GSI on ShelfId.</summary>
public class LibraryContext(DbContextOptions<LibraryContext> options) : DbContext(options)
{
    public DbSet<Shelf> Shelves => Set<Shelf>();
    public DbSet<Book> Books => Set<Book>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Book>().HasIndex(b => b.ShelfId).IsGlobalSecondaryIndex("by-shelf");
}
