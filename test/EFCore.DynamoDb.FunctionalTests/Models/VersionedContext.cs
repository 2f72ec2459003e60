using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Models;

public class Document
{
    public string Id { get; set; } = "";
    public string? Body { get; set; }
    public long Version { get; set; }

    [ConcurrencyCheck]
    public string? Owner { get; set; }
}

/// <summary>A SQL Server-style row version: <c>[Timestamp] byte[]</c>.</summary>
public class Note
{
    public string Id { get; set; } = "";
    public string? Text { get; set; }

    [Timestamp]
    public byte[]? RowVersion { get; set; }
}

public class VersionedContext(DbContextOptions<VersionedContext> options) : DbContext(options)
{
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<Note> Notes => Set<Note>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Document>().Property(d => d.Version).IsRowVersion();
}
