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

public class VersionedContext(DbContextOptions<VersionedContext> options) : DbContext(options)
{
    public DbSet<Document> Documents => Set<Document>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Document>().Property(d => d.Version).IsRowVersion();
}
