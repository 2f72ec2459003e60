using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Models;

/// <summary>A sensor reading: many small items in one table, read by scans.</summary>
public class Reading
{
    public string Id { get; set; } = "";
    public int Sequence { get; set; }
    public string Sensor { get; set; } = "";
    public double Value { get; set; }
    public string Payload { get; set; } = "";
}

public class ReadingsContext(DbContextOptions<ReadingsContext> options) : DbContext(options)
{
    public DbSet<Reading> Readings => Set<Reading>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Reading>().HasPartitionKey(r => r.Id);
}
