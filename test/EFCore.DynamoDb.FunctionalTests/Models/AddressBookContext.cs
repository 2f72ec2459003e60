using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Models;

public class Geo
{
    public double Lat { get; set; }
    public double Lon { get; set; }
}

public class Address
{
    public string Street { get; set; } = "";
    public string City { get; set; } = "";
    public int Zip { get; set; }
    public Geo Location { get; set; } = new();
}

public class Contact
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public Address Home { get; set; } = new();
    public Address? Work { get; set; }
}

public class AddressBookContext(DbContextOptions<AddressBookContext> options) : DbContext(options)
{
    public DbSet<Contact> Contacts => Set<Contact>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Contact>(b =>
        {
            b.ComplexProperty(c => c.Home, home => home.ComplexProperty(h => h.Location));
            b.ComplexProperty(c => c.Work, work => work.ComplexProperty(w => w.Location));
        });
}
