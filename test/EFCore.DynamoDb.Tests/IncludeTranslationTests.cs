using Amazon.Runtime;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Tests;

public class Team
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public List<Player> Players { get; set; } = [];
    public List<Fan> Fans { get; set; } = [];
}

public class Player
{
    public string Id { get; set; } = "";
    public string TeamId { get; set; } = "";
    public int Goals { get; set; }
    public Team? Team { get; set; }
}

public class Fan
{
    public string Id { get; set; } = "";
    public string? TeamId { get; set; }
}

public class LeagueContext : DbContext
{
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Player> Players => Set<Player>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
        => optionsBuilder.UseDynamoDb(d => d.ServiceUrl("http://127.0.0.1:1").Region("us-east-1").Credentials(new BasicAWSCredentials("k", "s")));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Player>().HasIndex(p => new { p.TeamId, p.Goals }).IsGlobalSecondaryIndex("by-team");
}

/// <summary>The league with the players of a team auto-included.</summary>
public class AutoIncludingLeagueContext : LeagueContext
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Team>().Navigation(t => t.Players).AutoInclude();
    }
}

/// <summary>The requests of queries with includes, as ToQueryString prints them: the main read, then each follow-up.</summary>
public class IncludeTranslationTests
{
    private static string Text<T>(Func<LeagueContext, IQueryable<T>> query)
    {
        using var context = new LeagueContext();
        return query(context).ToQueryString().ReplaceLineEndings("\n");
    }

    [Fact]
    public void A_collection_include_is_one_index_query_per_principal()
        => Assert.Equal(
            """
            GetItem Teams
              Key: { Id: S:"t1" }

            -- Then 'Team.Players': one request per distinct key (in parallel), like:
            Query Players INDEX by-team
              KeyConditionExpression: #TeamId = :v0
              ExpressionAttributeNames: #TeamId=TeamId
              ExpressionAttributeValues: { :v0: ? }
            """,
            Text(c => c.Teams.Where(t => t.Id == "t1").Include(t => t.Players)));

    [Fact]
    public void A_reference_include_is_BatchGetItem_of_the_distinct_keys()
        => Assert.EndsWith(
            "-- Then 'Player.Team': BatchGetItem on Teams of the distinct keys (100 keys per request)",
            Text(c => c.Players.Where(p => p.TeamId == "t1").Include(p => p.Team)));

    [Fact]
    public void A_filtered_include_puts_condition_ordering_and_limit_in_the_follow_up_query()
        => Assert.EndsWith(
            """
            Query Players INDEX by-team
              KeyConditionExpression: #TeamId = :v0 AND #Goals > :v1
              ExpressionAttributeNames: #TeamId=TeamId, #Goals=Goals
              ExpressionAttributeValues: { :v0: ?, :v1: ? }
              Limit: 3
              ScanIndexForward: false
            """,
            Text(c => c.Teams.Where(t => t.Id == "t1").Include(t => t.Players.Where(p => p.Goals > 2).OrderByDescending(p => p.Goals).Take(3))));

    [Fact]
    public void An_include_only_a_scan_serves_prints_the_scan()
        => Assert.Contains(
            "-- Then 'Team.Fans': one Scan, matched on the client:\nScan Fan",
            Text(c => c.Teams.Where(t => t.Id == "t1").Include(t => t.Fans)));

    [Fact]
    public void A_filter_or_projection_through_a_navigation_is_refused_naming_it()
    {
        var filter = Assert.Throws<InvalidOperationException>(() => Text(c => c.Players.Where(p => p.Team!.Name == "x")));
        Assert.Contains("'Player.Team'", filter.Message);
        var projection = Assert.Throws<InvalidOperationException>(() => Text(c => c.Teams.Select(t => t.Players.Count)));
        Assert.Contains("'Team.Players'", projection.Message);
    }

    [Fact]
    public void Unsupported_filtered_include_operators_are_refused_naming_them()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Text(c => c.Teams.Include(t => t.Players.Skip(2))));
        Assert.Contains("'Team.Players'", exception.Message);
        Assert.Contains("Skip", exception.Message);
        var ordering = Assert.Throws<InvalidOperationException>(() => Text(c => c.Teams.Include(t => t.Players.OrderBy(p => p.Id))));
        Assert.Contains("OrderBy", ordering.Message);
        var scanLimited = Assert.Throws<InvalidOperationException>(() => Text(c => c.Teams.Include(t => t.Fans.Take(1))));
        Assert.Contains("GlobalSecondaryIndex", scanLimited.Message);
    }

    [Fact]
    public void Auto_included_navigations_are_loaded_like_includes_unless_ignored()
    {
        using var context = new AutoIncludingLeagueContext();
        Assert.Contains("-- Then 'Team.Players'", context.Teams.Where(t => t.Id == "t1").ToQueryString());
        Assert.DoesNotContain("-- Then", context.Teams.IgnoreAutoIncludes().Where(t => t.Id == "t1").ToQueryString());
    }

    [Fact]
    public void ExecuteDelete_of_principals_whose_dependents_cascade_is_refused()
    {
        using var context = new LeagueContext();
        var exception = Assert.Throws<InvalidOperationException>(() => context.Teams.Where(t => t.Id == "t1").ExecuteDelete());
        Assert.Contains("'Team.Players'", exception.Message);
        Assert.Contains("SaveChanges", exception.Message);
    }

    [Fact]
    public void A_list_of_full_keys_is_one_BatchGetItem()
    {
        string[] ids = ["t1", "t2", "t3"];
        var text = Text(c => c.Teams.Where(t => ids.Contains(t.Id)));
        Assert.StartsWith("BatchGetItem", text);
        Assert.Contains("3 keys", text);
    }

    [Fact]
    public void GenerateTableDefinitions_writes_CreateTable_inputs_with_their_indexes_without_a_server()
    {
        using var context = new LeagueContext();
        var tables = System.Text.Json.Nodes.JsonNode.Parse(context.Database.GenerateTableDefinitions())!["Tables"]!.AsArray();
        var players = tables.Single(t => t!["TableName"]!.GetValue<string>() == "Players")!;
        Assert.Equal("PAY_PER_REQUEST", players["BillingMode"]!.GetValue<string>());
        var index = players["GlobalSecondaryIndexes"]!.AsArray().Single()!;
        Assert.Equal("by-team", index["IndexName"]!.GetValue<string>());
        Assert.Equal(["TeamId HASH", "Goals RANGE"], index["KeySchema"]!.AsArray().Select(k => k!["AttributeName"] + " " + k["KeyType"]));
        Assert.Equal(["Goals N", "Id S", "TeamId S"], players["AttributeDefinitions"]!.AsArray().Select(a => a!["AttributeName"] + " " + a["AttributeType"]).Order());
    }
}

public class Club
{
    public string Id { get; set; } = "";
    public List<Member> Members { get; set; } = [];
}

public class Member
{
    public string Id { get; set; } = "";
    public string? ClubId { get; set; }
    public DateTime? JoinedAt { get; set; }
    public Club? Club { get; set; }
}

/// <summary>Members found by club only through an index on (ClubId, JoinedAt), which lacks members without a date.</summary>
public class ClubContext : DbContext
{
    public DbSet<Club> Clubs => Set<Club>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
        => optionsBuilder.UseDynamoDb(d => d.ServiceUrl("http://127.0.0.1:1").Region("us-east-1").Credentials(new BasicAWSCredentials("k", "s")));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Member>().HasIndex(m => new { m.ClubId, m.JoinedAt }).IsGlobalSecondaryIndex("by-club-joined");
}

public class SparseIndexIncludeTests
{
    [Fact]
    public void An_include_that_only_an_index_lacking_some_related_items_could_serve_is_refused_before_any_request_saying_why()
    {
        using var context = new ClubContext();
        var exception = Assert.Throws<InvalidOperationException>(() => context.Clubs.Include(c => c.Members).Where(c => c.Id == "c1").ToList());
        Assert.Contains("The index 'by-club-joined' was not used: it holds only the 'Member' items that have 'JoinedAt', and related items may lack it.", exception.Message);
    }
}

public class Article
{
    public string Id { get; set; } = "";
    public List<Tag> Tags { get; set; } = [];
}

public class Tag
{
    public string Id { get; set; } = "";
    public List<Article> Articles { get; set; } = [];
}

/// <summary>A many-to-many relationship whose join type has no index on its second foreign key.</summary>
public class TaggingContext : DbContext
{
    public DbSet<Tag> Tags => Set<Tag>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
        => optionsBuilder.UseDynamoDb(d => d.ServiceUrl("http://127.0.0.1:1").Region("us-east-1").Credentials(new BasicAWSCredentials("k", "s")));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Article>().HasMany(a => a.Tags).WithMany(t => t.Articles);
}

public class Forum
{
    public string Id { get; set; } = "";
    public List<ForumThread> Threads { get; set; } = [];
}

/// <summary>A dependent whose foreign key is a shadow property (no ForumId on the class).</summary>
public class ForumThread
{
    public string Id { get; set; } = "";
}

public class ForumContext : DbContext
{
    public DbSet<Forum> Forums => Set<Forum>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
        => optionsBuilder.UseDynamoDb(d => d.ServiceUrl("http://127.0.0.1:1").Region("us-east-1").Credentials(new BasicAWSCredentials("k", "s")));
}

public class JoinTypeIndexAdviceTests
{
    [Fact]
    public void Following_a_shadow_foreign_key_without_an_index_advises_the_index_by_name()
    {
        using var context = new ForumContext();
        var exception = Assert.Throws<InvalidOperationException>(() => context.Forums.Where(f => f.Id == "f1").Include(f => f.Threads).ToList());
        Assert.Contains("HasIndex(\"ForumId\").IsGlobalSecondaryIndex(\"by-forumid\")", exception.Message);
        Assert.DoesNotContain("x => x.", exception.Message);
    }

    [Fact]
    public void Following_a_many_to_many_without_a_join_index_advises_the_index_in_UsingEntity()
    {
        using var context = new TaggingContext();
        var exception = Assert.Throws<InvalidOperationException>(() => context.Tags.Where(t => t.Id == "t1").Include(t => t.Articles).ToList());
        Assert.Contains("UsingEntity(j => j.HasIndex(\"TagsId\").IsGlobalSecondaryIndex(\"by-tagsid\"))", exception.Message);
        Assert.DoesNotContain("x => x.", exception.Message);
    }
}
