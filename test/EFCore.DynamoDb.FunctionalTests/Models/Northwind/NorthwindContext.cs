using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.TestModels.Northwind;

/// <summary>
/// EF Core's classic Northwind sample model (eleven entity types, relationships, owned addresses), as a SQL Server
/// application has it, with only keys configured for DynamoDB (NorthwindTests). The benchmark's cold-start measurement
/// uses it as an application-sized model, with its compiled model in the benchmark's CompiledModels/Northwind.
/// </summary>
public class NorthwindContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Supplier> Suppliers => Set<Supplier>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Employee> Employees => Set<Employee>();
    public DbSet<Shipper> Shippers => Set<Shipper>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderDetail> OrderDetails => Set<OrderDetail>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Territory> Territories => Set<Territory>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // The relationships a SQL Server application configures too: names that conventions cannot pair.
        modelBuilder.Entity<Employee>().HasOne(e => e.Manager).WithMany(e => e.Reports).HasForeignKey(e => e.ReportsTo);
        modelBuilder.Entity<Order>().HasOne(o => o.Shipper).WithMany(s => s.Orders).HasForeignKey(o => o.ShipVia);
        modelBuilder.Entity<OrderDetail>().HasKey(d => new { d.OrderId, d.ProductId });

        // DynamoDB keys: the lines of an order live in its partition; every other foreign key that is followed
        // from the principal gets an index.
        modelBuilder.Entity<OrderDetail>(b =>
        {
            b.HasPartitionKey(d => d.OrderId);
            b.HasSortKey(d => d.ProductId);
            b.HasIndex(d => d.ProductId).IsGlobalSecondaryIndex("by-product");
        });
        modelBuilder.Entity<Product>(b =>
        {
            b.HasIndex(p => p.CategoryId).IsGlobalSecondaryIndex("by-category");
            b.HasIndex(p => p.SupplierId).IsGlobalSecondaryIndex("by-supplier");
        });
        modelBuilder.Entity<Order>(b =>
        {
            // Every order of a customer; and, sorted by date, those that have a date (an index holds only the items
            // that have its key attributes, and OrderDate is nullable).
            b.HasIndex(o => o.CustomerId).IsGlobalSecondaryIndex("by-customer");
            b.HasIndex(o => new { o.CustomerId, o.OrderDate }).IsGlobalSecondaryIndex("by-customer-date");
            b.HasIndex(o => o.EmployeeId).IsGlobalSecondaryIndex("by-employee");
            b.HasIndex(o => o.ShipVia).IsGlobalSecondaryIndex("by-shipper");
        });
        modelBuilder.Entity<Employee>(b =>
        {
            b.HasIndex(e => e.ReportsTo).IsGlobalSecondaryIndex("by-manager");
            b.HasMany(e => e.Territories).WithMany(t => t.Employees)
                .UsingEntity(j => j.HasIndex("TerritoriesTerritoryId").IsGlobalSecondaryIndex("by-territory"));
        });
        modelBuilder.Entity<Territory>().HasIndex(t => t.RegionId).IsGlobalSecondaryIndex("by-region");
    }
}
