using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Models;

public class Country
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public List<Region> Regions { get; set; } = [];
}

public class Region
{
    public int Id { get; set; }
    public string CountryCode { get; set; } = "";
    public string Name { get; set; } = "";
}

/// <summary>Reference data seeded with <c>HasData</c>: countries and their regions (an integer key set by the seed).</summary>
public class AtlasContext(DbContextOptions<AtlasContext> options) : DbContext(options)
{
    public DbSet<Country> Countries => Set<Country>();
    public DbSet<Region> Regions => Set<Region>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Country>(b =>
        {
            b.HasKey(c => c.Code);
            b.HasMany(c => c.Regions).WithOne().HasForeignKey(r => r.CountryCode);
            b.HasData(new Country { Code = "FR", Name = "France" }, new Country { Code = "NO", Name = "Norway" });
        });
        modelBuilder.Entity<Region>(b =>
        {
            b.HasIndex(r => r.CountryCode).IsGlobalSecondaryIndex("by-country");
            b.HasData(
                new Region { Id = 1, CountryCode = "FR", Name = "Bretagne" },
                new Region { Id = 2, CountryCode = "FR", Name = "Provence" },
                new Region { Id = 3, CountryCode = "NO", Name = "Vestland" });
        });
    }
}
