using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests;

public class SchemaEvolutionTests
{
    public class Note
    {
        public string Id { get; set; } = "";
        public string Author { get; set; } = "";
        public int Stars { get; set; }
    }

    /// <summary>One table, in three versions of the model: as first shipped, with a new GSI, with another key.</summary>
    public class NotesContext(DbContextOptions options, int version) : DbContext(options)
    {
        public int Version => version;

        public DbSet<Note> Notes => Set<Note>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => modelBuilder.Entity<Note>(b =>
            {
                b.ToTable("notes");
                if (version == 3)
                {
                    b.HasKey(n => new { n.Id, n.Author });
                }

                if (version >= 2)
                {
                    b.HasIndex(n => new { n.Author, n.Stars }).IsGlobalSecondaryIndex("by-author");
                }
            });
    }

    private sealed class VersionKeyFactory : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => (context.GetType(), ((NotesContext)context).Version, designTime);
    }

    [Fact]
    public async Task EnsureCreated_adds_a_missing_global_index_and_reports_a_changed_key_without_touching_it()
    {
        var prefix = TestDb.NewPrefix();
        var log = new ListLoggerFactory();
        NotesContext Create(int version)
            => new(new DbContextOptionsBuilder()
                .UseDynamoDb(d => d.ServiceUrl(DynamoDbTestServer.Endpoint).Region("us-east-1").Credentials(TestDb.Credentials).TableNamePrefix(prefix))
                .UseLoggerFactory(log)
                .ReplaceService<IModelCacheKeyFactory, VersionKeyFactory>()
                .Options, version);

        await using (var first = Create(1))
        {
            Assert.True(await first.Database.EnsureCreatedAsync());
            first.Notes.Add(new Note { Id = "n1", Author = "ada", Stars = 5 });
            await first.SaveChangesAsync();
        }

        await using (var second = Create(2))
        {
            Assert.False(await second.Database.EnsureCreatedAsync());
            Assert.Single(log.MessagesOf(DynamoDbEventId.ExecutedUpdateTable));
            var found = await second.Notes.Where(n => n.Author == "ada" && n.Stars > 3).ToListAsync();
            Assert.Equal("n1", Assert.Single(found).Id);
            Assert.Contains("INDEX by-author", log.MessagesOf(DynamoDbEventId.ExecutedQuery).Single());
        }

        await using (var third = Create(3))
        {
            await third.Database.EnsureCreatedAsync();
            var warning = Assert.Single(log.MessagesOf(DynamoDbEventId.TableSchemaMismatchWarning));
            Assert.Contains("key schema", warning);
            Assert.Single(log.MessagesOf(DynamoDbEventId.ExecutedUpdateTable));
            await third.Database.EnsureDeletedAsync();
        }
    }
}
