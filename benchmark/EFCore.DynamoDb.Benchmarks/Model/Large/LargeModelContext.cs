using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Benchmarks.Model.Large;

/// <summary>
/// An application-sized model for cold start: sixty entity types of ten scalar properties and an owned address,
/// related in a ring (each the parent of the next) by conventions, with an index on each foreign key (as following
/// it from the parent needs). Its compiled model is in CompiledModels/Large.
/// </summary>
public class LargeModelContext(DbContextOptions options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        foreach (var type in LargeModelRecordTypes.All)
        {
            modelBuilder.Entity(type).HasIndex("ParentId").IsGlobalSecondaryIndex("by-parent");
        }
    }
}
