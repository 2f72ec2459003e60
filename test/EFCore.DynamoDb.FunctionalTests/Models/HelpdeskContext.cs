using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Models;

public class Ticket
{
    public string Id { get; set; } = "";

    public string Title { get; set; } = "";

    [MaxLength(5)]
    public string? Code { get; set; }

    public string? Status { get; set; }

    public int Priority { get; set; }

    public double Score { get; set; }

    public Dictionary<string, int> Counts { get; set; } = [];
}

/// <summary>The constraints a SQL Server schema would hold: a required title, a maximum length, column defaults.</summary>
public class HelpdeskContext(DbContextOptions<HelpdeskContext> options) : DbContext(options)
{
    public DbSet<Ticket> Tickets => Set<Ticket>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Ticket>(b =>
        {
            b.Property(t => t.Status).HasDefaultValue("open");
            b.Property(t => t.Priority).HasDefaultValue(3);
        });
}
