using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Models;

public class Profile
{
    public string Id { get; set; } = "";
    public List<string> Tags { get; set; } = [];
    public int[] Scores { get; set; } = [];
    public List<int?> Readings { get; set; } = [];
    public HashSet<string> Labels { get; set; } = [];
    public ISet<int> Lucky { get; set; } = new HashSet<int>();
    public HashSet<byte[]> Blobs { get; set; } = [];
    public Dictionary<string, int> Counters { get; set; } = [];
    public IReadOnlyList<DateTime> Visits { get; set; } = [];
}

public class CollectionsContext(DbContextOptions<CollectionsContext> options) : DbContext(options)
{
    public DbSet<Profile> Profiles => Set<Profile>();
}
