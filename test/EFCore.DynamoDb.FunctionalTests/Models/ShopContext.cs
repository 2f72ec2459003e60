using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Models;

public class User
{
    public string Email { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public int Age { get; set; }
    public int? Visits { get; set; }
    public bool Active { get; set; }
}

public class Order
{
    public Guid Id { get; set; }
    public string Customer { get; set; } = "";
    public decimal Total { get; set; }
    public OrderStatus Status { get; set; }
}

public enum OrderStatus
{
    Pending,
    Shipped,
    Delivered,
}

public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<Order> Orders => Set<Order>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<User>(b =>
        {
            b.ToTable("users");
            b.HasPartitionKey(u => u.Email);
            b.HasSortKey(u => u.CreatedAt);
            b.Property(u => u.FirstName).HasAttributeName("first_name");
        });
    }
}
