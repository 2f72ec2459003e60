using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Models;

public class Customer
{
    public string Pk { get; set; } = "";
    public string Sk { get; set; } = "";
    public string Name { get; set; } = "";
}

public class CustomerOrder
{
    public string Pk { get; set; } = "";
    public string Sk { get; set; } = "";
    public decimal Total { get; set; }
}

public abstract class Payment
{
    public string Pk { get; set; } = "";
    public string Sk { get; set; } = "";
    public decimal Amount { get; set; }
}

public class CardPayment : Payment
{
    public string Last4 { get; set; } = "";
}

public class CashPayment : Payment
{
    public string? Till { get; set; }
}

/// <summary>A single-table design: customers, their orders and their payments (a hierarchy) in one table.</summary>
public class SingleTableContext(DbContextOptions<SingleTableContext> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<CustomerOrder> Orders => Set<CustomerOrder>();
    public DbSet<Payment> Payments => Set<Payment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Customer>(b => { b.ToTable("shop"); b.HasKey(e => new { e.Pk, e.Sk }); });
        modelBuilder.Entity<CustomerOrder>(b => { b.ToTable("shop"); b.HasKey(e => new { e.Pk, e.Sk }); });
        modelBuilder.Entity<Payment>(b => { b.ToTable("shop"); b.HasKey(e => new { e.Pk, e.Sk }); });
        modelBuilder.Entity<CardPayment>();
        modelBuilder.Entity<CashPayment>();
    }
}
