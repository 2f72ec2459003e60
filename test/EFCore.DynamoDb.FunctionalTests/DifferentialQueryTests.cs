using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests;

/// <summary>
/// The backbone of query correctness: each query runs through the provider against DynamoDB Local and through
/// LINQ to Objects over the same seeded items, and must give the same results; where the partition key is fixed,
/// the provider must never scan.
/// </summary>
public class DifferentialQueryTests(DifferentialQueryTests.SeededCatalog catalog) : IClassFixture<DifferentialQueryTests.SeededCatalog>
{
    private static readonly DateTime Epoch = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Categories = ["books", "games", "music", "tools", "toys", "food"];

    public sealed class SeededCatalog : IAsyncLifetime
    {
        public string Prefix { get; } = TestDb.NewPrefix();

        public List<Product> Items { get; } = [];

        public async Task InitializeAsync()
        {
            var random = new Random(42);
            for (var i = 0; i < 300; i++)
            {
                Items.Add(new Product
                {
                    Category = Categories[i % Categories.Length],
                    Sku = $"SKU-{i:D4}",
                    Name = i % 7 == 0 ? null : (i % 3 == 0 ? "Alpha " : "Beta ") + i,
                    Price = Math.Round((decimal)random.NextDouble() * 200, 2),
                    Stock = random.Next(0, 50),
                    Rating = i % 5 == 0 ? null : Math.Round(random.NextDouble() * 5, 1),
                    Released = Epoch.AddDays(random.Next(0, 700)).AddSeconds(i),
                    Tag = i % 4 == 0 ? "sale" : i % 4 == 1 ? "new" : null,
                    Discontinued = i % 9 == 0,
                    Color = i % 2 == 0 ? Color.Red : Color.Green,
                });
            }

            await using var context = Create();
            await context.Database.EnsureCreatedAsync();
            context.Products.AddRange(Items);
            await context.SaveChangesAsync();
        }

        public CatalogContext Create(FaultInjectingHttpClientFactory? transport = null)
            => new(TestDb.Options<CatalogContext>(Prefix, d => { if (transport != null) d.ConfigureClient(c => c.HttpClientFactory = transport); }));

        public async Task DisposeAsync()
        {
            await using var context = Create();
            await context.Database.EnsureDeletedAsync();
        }
    }

    /// <summary>A query over products, its expected access path, and whether its order is part of the answer.</summary>
    public sealed record Case(string Name, Func<IQueryable<Product>, IEnumerable<object?>> Query, bool PartitionFixed, bool Ordered = false)
    {
        public override string ToString() => Name;
    }

    private static Case Keyed(string name, Func<IQueryable<Product>, IEnumerable<object?>> query, bool ordered = false) => new(name, query, true, ordered);

    private static Case Scanned(string name, Func<IQueryable<Product>, IEnumerable<object?>> query) => new(name, q => query(q.AllowScan()), false);

    private static object?[] One(object? value) => [value];

    private static readonly List<int> ManyStocks = Enumerable.Range(0, 150).Select(i => i % 2 == 0 ? i : -i).ToList();

    private static readonly bool Everything = true;

    private static readonly long LongStock = 12;

    private static readonly string FallbackTag = "none";

    private static readonly double[] Ratings = [2.5, 3.5];

    private static readonly bool Nothing = !Everything;

    public sealed record Key(string Category, string Sku);

    public sealed record Look(string? Tag, Color Color);

    private static readonly List<Key> SomeKeys = [new("books", "SKU-0006"), new("toys", "SKU-0012"), new("books", "SKU-0001"), new("games", "SKU-0040")];

    private static readonly List<Key> NoKeys = [];

    private static readonly (string?, Color) SaleInRed = ("sale", Color.Red);

    private static readonly Look[] SomeLooks = [new("sale", Color.Green), new(null, Color.Red)];

    /// <summary>DynamoDB stores numbers without trailing zeros: 87.30m reads back as 87.3m (equal, with another scale).</summary>
    private static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    public static readonly TheoryData<Case> Cases = new(
        Keyed("partition", q => q.Where(p => p.Category == "books").Select(p => p.Sku)),
        Keyed("partition reversed operands", q => q.Where(p => "games" == p.Category).Select(p => p.Sku)),
        Keyed("full key", q => q.Where(p => p.Category == "books" && p.Sku == "SKU-0006").Select(p => p.Name)),
        Keyed("full key missing", q => q.Where(p => p.Category == "books" && p.Sku == "SKU-0001").Select(p => p.Name)),
        Keyed("sort key greater", q => q.Where(p => p.Category == "music" && p.Sku.CompareTo("SKU-0100") > 0).Select(p => p.Sku)),
        Keyed("sort key between", q => q.Where(p => p.Category == "tools" && string.Compare(p.Sku, "SKU-0050") >= 0 && string.Compare("SKU-0200", p.Sku) >= 0).Select(p => p.Sku)),
        Keyed("sort key prefix", q => q.Where(p => p.Category == "toys" && p.Sku.StartsWith("SKU-01")).Select(p => p.Sku)),
        Keyed("ordered ascending", q => q.Where(p => p.Category == "food").OrderBy(p => p.Sku).Select(p => p.Sku), ordered: true),
        Keyed("ordered descending take", q => q.Where(p => p.Category == "food").OrderByDescending(p => p.Sku).Take(7).Select(p => p.Sku), ordered: true),
        Keyed("skip then take", q => q.Where(p => p.Category == "food").OrderBy(p => p.Sku).Skip(5).Take(10).Select(p => p.Sku), ordered: true),
        Keyed("take then skip", q => q.Where(p => p.Category == "food").OrderByDescending(p => p.Sku).Take(10).Skip(7).Select(p => p.Sku), ordered: true),
        Keyed("skip past the end", q => q.Where(p => p.Category == "food").Skip(1000).Select(p => p.Sku)),
        Keyed("skip with filter", q => q.Where(p => p.Category == "games" && p.Stock > 20).OrderBy(p => p.Sku).Skip(3).Select(p => p.Sku), ordered: true),
        Keyed("count after skip", q => One(q.Where(p => p.Category == "games").Skip(45).Count())),
        Keyed("any after skip", q => One(q.Where(p => p.Category == "games").Skip(49).Any())),
        Keyed("take with selective filter", q => q.Where(p => p.Category == "books" && p.Stock > 45).OrderBy(p => p.Sku).Take(2).Select(p => p.Sku), ordered: true),
        Keyed("filter decimal", q => q.Where(p => p.Category == "games" && p.Price < 50m).Select(p => p.Sku)),
        Keyed("filter int renamed reserved", q => q.Where(p => p.Category == "games" && p.Stock >= 10 && p.Stock <= 20).Select(p => p.Sku)),
        Keyed("filter nullable double", q => q.Where(p => p.Category == "music" && p.Rating > 2.5).Select(p => p.Sku)),
        Keyed("filter equals null", q => q.Where(p => p.Category == "music" && p.Rating == null).Select(p => p.Sku)),
        Keyed("filter not equals null", q => q.Where(p => p.Category == "music" && p.Name != null).Select(p => p.Sku)),
        Keyed("filter not equals value", q => q.Where(p => p.Category == "tools" && p.Tag != "sale").Select(p => p.Sku)),
        Keyed("filter bool", q => q.Where(p => p.Category == "toys" && p.Discontinued).Select(p => p.Sku)),
        Keyed("filter not bool", q => q.Where(p => p.Category == "toys" && !p.Discontinued).Select(p => p.Sku)),
        Keyed("filter enum", q => q.Where(p => p.Category == "food" && p.Color == Color.Green).Select(p => p.Sku)),
        Keyed("filter date range", q => q.Where(p => p.Category == "books" && p.Released >= Epoch.AddDays(100) && p.Released < Epoch.AddDays(400)).Select(p => p.Sku)),
        Keyed("filter or", q => q.Where(p => p.Category == "games" && (p.Tag == "new" || p.Stock < 5)).Select(p => p.Sku)),
        Keyed("filter not or", q => q.Where(p => p.Category == "games" && !(p.Tag == "new" || p.Stock < 5)).Select(p => p.Sku)),
        Keyed("filter starts with", q => q.Where(p => p.Category == "books" && p.Name != null && p.Name.StartsWith("Alpha")).Select(p => p.Sku)),
        Keyed("filter contains", q => q.Where(p => p.Category == "books" && p.Name != null && p.Name.Contains("1")).Select(p => p.Sku)),
        Keyed("filter in list", q => q.Where(p => p.Category == "music" && new[] { 1, 2, 3, 4, 5 }.Contains(p.Stock)).Select(p => p.Sku)),
        Keyed("filter int against double", q => q.Where(p => p.Category == "music" && p.Stock > 29.5).Select(p => p.Sku)),
        Keyed("filter int equals fraction", q => q.Where(p => p.Category == "music" && p.Stock == 2.5).Select(p => p.Sku)),
        Keyed("filter in list over 100 values", q => q.Where(p => p.Category == "music" && ManyStocks.Contains(p.Stock)).Select(p => p.Sku)),
        Keyed("filter client value re-evaluated", q => q.Where(p => p.Category == "books" && p.Released < DateTime.UtcNow.AddYears(-1)).Select(p => p.Sku)),
        Keyed("filter in list of nullable", q => q.Where(p => p.Category == "music" && new[] { "sale", null }.Contains(p.Tag)).Select(p => p.Sku)),
        Keyed("projection anonymous", q => q.Where(p => p.Category == "tools").Select(p => new { p.Sku, p.Price, p.Tag }).AsEnumerable().Select(x => (object)$"{x.Sku}|{Normalize(x.Price)}|{x.Tag}")),
        Keyed("projection computed", q => q.Where(p => p.Category == "tools").Select(p => (object)(p.Stock * 2 + (p.Rating ?? 0)))),
        Keyed("projection entity", q => q.Where(p => p.Category == "toys" && p.Stock < 10).AsEnumerable().Select(p => $"{p.Sku}|{p.Name}|{Normalize(p.Price)}|{p.Rating}|{p.Released:O}|{p.Color}")),
        Keyed("count", q => One(q.Count(p => p.Category == "books"))),
        Keyed("count filtered", q => One(q.Count(p => p.Category == "books" && p.Price > 100))),
        Keyed("long count", q => One(q.Where(p => p.Category == "games" && p.Tag == null).LongCount())),
        Keyed("count take", q => One(q.Where(p => p.Category == "games").Take(5).Count())),
        Keyed("any", q => One(q.Any(p => p.Category == "food" && p.Stock == 49))),
        Keyed("any none", q => One(q.Any(p => p.Category == "food" && p.Price > 1000))),
        Keyed("all", q => One(q.Where(p => p.Category == "food").All(p => p.Price >= 0))),
        Keyed("all false", q => One(q.Where(p => p.Category == "food").All(p => p.Tag == "sale"))),
        Keyed("first ordered", q => One(q.Where(p => p.Category == "music").OrderBy(p => p.Sku).Select(p => p.Sku).First())),
        Keyed("first or default missing", q => One(q.Where(p => p.Category == "nothing").Select(p => p.Sku).FirstOrDefault())),
        Keyed("single full key", q => One(q.Where(p => p.Category == "tools" && p.Sku == "SKU-0003").Select(p => p.Price).Single())),
        Scanned("scan all", q => q.Select(p => p.Sku)),
        Scanned("scan filter", q => q.Where(p => p.Price > 150m && p.Tag == "new").Select(p => p.Sku)),
        Keyed("partition in is one query per value", q => q.Where(p => new[] { "books", "toys", "books", "none" }.Contains(p.Category)).Select(p => p.Sku)),
        Keyed("partition in with sort key equality is GetItems", q => q.Where(p => new List<string> { "books", "games" }.Contains(p.Category) && p.Sku == "SKU-0006").Select(p => (object)p.Price)),
        Keyed("partition in with filter and take", q => q.Where(p => new[] { "music", "food" }.Contains(p.Category) && p.Stock > 30).Select(p => p.Sku).Take(500)),
        Keyed("partition in count", q => One(q.Count(p => new[] { "music", "food" }.Contains(p.Category)))),
        Scanned("scan sort key prefix", q => q.Where(p => p.Sku.StartsWith("SKU-02")).Select(p => p.Sku)),
        Scanned("scan count", q => One(q.Count(p => p.Discontinued))),
        Scanned("scan any", q => One(q.Any(p => p.Rating == 5.0))),
        Scanned("scan first full scan take", q => q.Where(p => p.Stock > 40).Select(p => p.Category).Take(1000)),
        Keyed("has value", q => q.Where(p => p.Category == "music" && p.Rating.HasValue).Select(p => p.Sku)),
        Keyed("not has value", q => q.Where(p => p.Category == "music" && !p.Rating.HasValue).Select(p => p.Sku)),
        Keyed("nullable value", q => q.Where(p => p.Category == "music" && p.Rating.HasValue && p.Rating.Value > 3).Select(p => p.Sku)),
        Keyed("is null or empty", q => q.Where(p => p.Category == "books" && string.IsNullOrEmpty(p.Name)).Select(p => p.Sku)),
        Keyed("is null or empty tag", q => q.Where(p => p.Category == "games" && string.IsNullOrEmpty(p.Tag)).Select(p => p.Sku)),
        Keyed("attribute greater", q => q.Where(p => p.Category == "music" && p.Stock > p.Rating).Select(p => p.Sku)),
        Keyed("attribute equal nullable", q => q.Where(p => p.Category == "books" && p.Name == p.Tag).Select(p => p.Sku)),
        Keyed("attribute not equal nullable", q => q.Where(p => p.Category == "books" && p.Name != p.Tag).Select(p => p.Sku)),
        Keyed("where true", q => q.Where(p => true).Where(p => p.Category == "books").Select(p => p.Sku)),
        Keyed("where false", q => q.Where(p => false && p.Category == "books").Select(p => p.Sku)),
        Keyed("bool variable true", q => q.Where(p => Everything && p.Category == "toys").Select(p => p.Sku)),
        Keyed("bool variable false", q => q.Where(p => Nothing && p.Category == "toys").Select(p => p.Sku)),
        Keyed("sort key alternatives", q => q.Where(p => p.Category == "books" && (p.Sku == "SKU-0006" || p.Sku == "SKU-0012" || p.Sku == "SKU-0001")).Select(p => p.Sku)),
        Keyed("partition alternatives", q => q.Where(p => p.Category == "books" || p.Category == "toys").Select(p => p.Sku)),
        Keyed("partition alternatives with filter", q => q.Where(p => (p.Category == "books" || p.Category == "toys") && p.Stock > 25).Select(p => p.Sku)),
        Keyed("key pairs", q => q.Where(p => SomeKeys.Any(k => k.Category == p.Category && k.Sku == p.Sku)).Select(p => p.Sku)),
        Keyed("key pairs with filter", q => q.Where(p => SomeKeys.Any(k => k.Category == p.Category && k.Sku == p.Sku) && p.Stock > 10).Select(p => p.Sku)),
        Keyed("attribute pairs", q => q.Where(p => p.Category == "food" && SomeLooks.Any(l => l.Tag == p.Tag && l.Color == p.Color)).Select(p => p.Sku)),
        Keyed("window closed open", q => q.Where(p => p.Category == "tools" && p.Sku.CompareTo("SKU-0050") >= 0 && p.Sku.CompareTo("SKU-0100") < 0).Select(p => p.Sku)),
        Keyed("window open closed", q => q.Where(p => p.Category == "tools" && p.Sku.CompareTo("SKU-0050") > 0 && p.Sku.CompareTo("SKU-0100") <= 0).Select(p => p.Sku)),
        Keyed("window open", q => q.Where(p => p.Category == "books" && p.Sku.CompareTo("SKU-0006") > 0 && p.Sku.CompareTo("SKU-0036") < 0).Select(p => p.Sku)),
        Keyed("window empty", q => q.Where(p => p.Category == "books" && p.Sku.CompareTo("SKU-0036") > 0 && p.Sku.CompareTo("SKU-0006") < 0).Select(p => p.Sku)),
        Keyed("window ordered take", q => q.Where(p => p.Category == "books" && p.Sku.CompareTo("SKU-0006") > 0 && p.Sku.CompareTo("SKU-0090") < 0).OrderByDescending(p => p.Sku).Take(3).Select(p => p.Sku), ordered: true),
        Keyed("window count", q => One(q.Count(p => p.Category == "books" && p.Sku.CompareTo("SKU-0006") > 0 && p.Sku.CompareTo("SKU-0090") < 0))),
        Keyed("window dates", q => q.Where(p => p.Category == "books" && p.Released > Epoch.AddDays(100) && p.Released < Epoch.AddDays(400)).Select(p => p.Sku)),
        Keyed("sum", q => One(q.Where(p => p.Category == "games").Sum(p => p.Stock))),
        Keyed("sum decimal", q => One(q.Where(p => p.Category == "games").Sum(p => p.Price))),
        Keyed("min", q => One(q.Where(p => p.Category == "games").Min(p => p.Stock))),
        Keyed("max", q => One(q.Where(p => p.Category == "games").Max(p => p.Price))),
        Keyed("average", q => One(q.Where(p => p.Category == "tools").Average(p => p.Stock))),
        Keyed("average decimal filtered", q => One(q.Where(p => p.Category == "tools" && p.Stock > 20).Average(p => p.Price))),
        Keyed("max nullable", q => One(q.Where(p => p.Category == "music").Max(p => p.Rating))),
        Keyed("min nullable empty", q => One(q.Where(p => p.Category == "nothing").Min(p => p.Rating))),
        Keyed("sum projected", q => One(q.Where(p => p.Category == "food").Select(p => p.Stock).Sum())),
        Keyed("coalesce equals fallback", q => q.Where(p => p.Category == "games" && (p.Tag ?? "none") == "none").Select(p => p.Sku)),
        Keyed("coalesce equals other", q => q.Where(p => p.Category == "games" && (p.Tag ?? "none") == "sale").Select(p => p.Sku)),
        Keyed("coalesce not equal", q => q.Where(p => p.Category == "games" && (p.Tag ?? "none") != "none").Select(p => p.Sku)),
        Keyed("equals of another type is false", q => q.Where(p => p.Category == "books" && p.Stock.Equals(5L)).Select(p => p.Sku)),
        Keyed("static equals of another type is false", q => q.Where(p => p.Category == "books" && Equals(p.Stock, 5L)).Select(p => p.Sku)),
        Keyed("equals of the same type", q => q.Where(p => p.Category == "books" && p.Stock.Equals(5)).Select(p => p.Sku)),
        Keyed("nullable equals value", q => q.Where(p => p.Category == "music" && p.Rating.Equals(Ratings[0])).Select(p => p.Sku)),
        Keyed("int against long", q => q.Where(p => p.Category == "games" && p.Stock == 5L).Select(p => p.Sku)),
        Keyed("int against long variable", q => q.Where(p => p.Category == "games" && p.Stock <= LongStock).Select(p => p.Sku)),
        Keyed("enum as its number", q => q.Where(p => p.Category == "food" && (int)p.Color == 1).Select(p => p.Sku)),
        Keyed("enum in list", q => q.Where(p => p.Category == "food" && new[] { Color.Green }.Contains(p.Color)).Select(p => p.Sku)),
        Keyed("nullable against plain variable", q => q.Where(p => p.Category == "music" && p.Rating >= Ratings[1]).Select(p => p.Sku)),
        Keyed("coalesce of attributes", q => q.Where(p => p.Category == "games" && (p.Tag ?? p.Name) == "sale").Select(p => p.Sku)),
        Keyed("coalesce of attributes not equal", q => q.Where(p => p.Category == "books" && (p.Tag ?? p.Name) != "new").Select(p => p.Sku)),
        Keyed("coalesce with variable fallback", q => q.Where(p => p.Category == "games" && (p.Tag ?? FallbackTag) == "none").Select(p => p.Sku)),
        Keyed("coalesce with variable fallback other", q => q.Where(p => p.Category == "games" && (p.Tag ?? FallbackTag) == "new").Select(p => p.Sku)),
        Keyed("coalesce number ordering", q => q.Where(p => p.Category == "music" && (p.Rating ?? 0) > 2.5).Select(p => p.Sku)),
        Keyed("coalesce number with variable", q => q.Where(p => p.Category == "music" && (p.Rating ?? Ratings[1]) >= 3).Select(p => p.Sku)),
        Keyed("coalesce value on the right", q => q.Where(p => p.Category == "games" && "sale" == (p.Tag ?? "none")).Select(p => p.Sku)),
        Keyed("conditional value", q => q.Where(p => p.Category == "toys" && (p.Discontinued ? "old" : p.Tag) == "old").Select(p => p.Sku)),
        Keyed("conditional of attributes", q => q.Where(p => p.Category == "toys" && (p.Discontinued ? p.Name : p.Tag) == "new").Select(p => p.Sku)),
        Keyed("conditional predicate", q => q.Where(p => p.Category == "tools" && (p.Discontinued ? p.Stock > 10 : p.Stock < 5)).Select(p => p.Sku)),
        Keyed("conditional on variable", q => q.Where(p => p.Category == "tools" && (Everything ? p.Tag : p.Name) == "sale").Select(p => p.Sku)),
        Keyed("conditional on false variable", q => q.Where(p => p.Category == "tools" && (Nothing ? p.Tag : p.Name) == "sale").Select(p => p.Sku)),
        Keyed("bool variable in or", q => q.Where(p => p.Category == "books" && (Nothing || p.Stock > 40)).Select(p => p.Sku)),
        Keyed("true variable in or", q => q.Where(p => p.Category == "books" && (Everything || p.Stock > 40)).Select(p => p.Sku)),
        Keyed("ordinal equals", q => q.Where(p => p.Category == "games" && string.Equals(p.Tag, "sale", StringComparison.Ordinal)).Select(p => p.Sku)),
        Keyed("ordinal equals on the sort key", q => q.Where(p => p.Category == "books" && p.Sku.Equals("SKU-0012", StringComparison.Ordinal)).Select(p => p.Sku)),
        Keyed("window one item inclusive", q => q.Where(p => p.Category == "books" && p.Sku.CompareTo("SKU-0006") >= 0 && p.Sku.CompareTo("SKU-0006") <= 0).Select(p => p.Sku)),
        Keyed("window between neighbours exclusive", q => q.Where(p => p.Category == "books" && p.Sku.CompareTo("SKU-0006") > 0 && p.Sku.CompareTo("SKU-0012") < 0).Select(p => p.Sku)),
        Keyed("window excluded low at an item", q => q.Where(p => p.Category == "books" && p.Sku.CompareTo("SKU-0006") > 0 && p.Sku.CompareTo("SKU-0012") <= 0).Select(p => p.Sku)),
        Keyed("window excluded high at an item", q => q.Where(p => p.Category == "books" && p.Sku.CompareTo("SKU-0006") >= 0 && p.Sku.CompareTo("SKU-0012") < 0).Select(p => p.Sku)),
        Keyed("decimal window", q => q.Where(p => p.Category == "food" && p.Price >= 100m && p.Price < 150m).Select(p => p.Sku)),
        Keyed("nullable not equal value", q => q.Where(p => p.Category == "music" && p.Rating != Ratings[0]).Select(p => p.Sku)),
        Keyed("nullable less than", q => q.Where(p => p.Category == "music" && p.Rating < 1).Select(p => p.Sku)),
        Keyed("not nullable less than keeps nulls", q => q.Where(p => p.Category == "music" && !(p.Rating < 1)).Select(p => p.Sku)),
        Keyed("not in list keeps nulls", q => q.Where(p => p.Category == "games" && !new[] { "sale" }.Contains(p.Tag)).Select(p => p.Sku)),
        Keyed("not in list of null", q => q.Where(p => p.Category == "games" && !new[] { (string?)null }.Contains(p.Tag)).Select(p => p.Sku)),
        Keyed("in empty list", q => q.Where(p => p.Category == "games" && Array.Empty<string>().Contains(p.Tag)).Select(p => p.Sku)),
        Keyed("enum not equal", q => q.Where(p => p.Category == "food" && p.Color != Color.Red).Select(p => p.Sku)),
        Keyed("enum equals of another type is false", q => q.Where(p => p.Category == "food" && p.Color.Equals(1)).Select(p => p.Sku)),
        Keyed("bool equals false", q => q.Where(p => p.Category == "toys" && p.Discontinued == false).Select(p => p.Sku)),
        Keyed("bool not equal true", q => q.Where(p => p.Category == "toys" && p.Discontinued != true).Select(p => p.Sku)),
        Keyed("or of ands", q => q.Where(p => p.Category == "books" && ((p.Tag == "sale" && p.Stock > 25) || (p.Tag == "new" && p.Stock < 25))).Select(p => p.Sku)),
        Keyed("nested not", q => q.Where(p => p.Category == "books" && !(p.Stock > 10 && !(p.Tag == null))).Select(p => p.Sku)),
        Keyed("not of or with null", q => q.Where(p => p.Category == "music" && !(p.Tag == "sale" || p.Rating == null)).Select(p => p.Sku)),
        Keyed("has value or", q => q.Where(p => p.Category == "music" && (p.Rating.HasValue || p.Stock > 45)).Select(p => p.Sku)),
        Keyed("not is null or empty", q => q.Where(p => p.Category == "games" && !string.IsNullOrEmpty(p.Tag)).Select(p => p.Sku)),
        Keyed("coalesce against attribute", q => q.Where(p => p.Category == "music" && (p.Rating ?? 0) < p.Stock).Select(p => p.Sku)),
        Keyed("coalesce chain", q => q.Where(p => p.Category == "books" && (p.Tag ?? p.Name ?? "none") == "none").Select(p => p.Sku)),
        Keyed("conditional with null branch", q => q.Where(p => p.Category == "toys" && (p.Discontinued ? null : p.Tag) == null).Select(p => p.Sku)),
        Keyed("count with coalesce", q => One(q.Count(p => p.Category == "toys" && (p.Tag ?? "x") == "x"))),
        Keyed("any with conditional", q => One(q.Any(p => p.Category == "toys" && (p.Discontinued ? p.Stock > 100 : false)))),
        Keyed("sum with coalesce filter", q => One(q.Where(p => p.Category == "food" && (p.Rating ?? 0) > 2).Sum(p => p.Stock))),
        Keyed("three partition alternatives", q => q.Where(p => p.Category == "books" || p.Category == "toys" || p.Category == "none").Select(p => p.Sku)),
        Keyed("partition alternatives count", q => One(q.Count(p => p.Category == "music" || p.Category == "tools"))),
        Keyed("no key pairs", q => q.Where(p => NoKeys.Any(k => k.Category == p.Category && k.Sku == p.Sku)).Select(p => p.Sku)),
        Keyed("ordered take with coalesce", q => q.Where(p => p.Category == "food" && (p.Tag ?? "none") != "sale").OrderBy(p => p.Sku).Take(6).Select(p => p.Sku), ordered: true),
        Keyed("first with conditional", q => One(q.Where(p => p.Category == "food" && (p.Discontinued ? p.Stock < 100 : p.Stock > 45)).OrderBy(p => p.Sku).Select(p => p.Sku).FirstOrDefault())),
        Scanned("scan coalesce", q => q.Where(p => (p.Tag ?? "none") == "none" && p.Stock > 45).Select(p => p.Sku)),
        Scanned("scan conditional", q => q.Where(p => p.Discontinued ? p.Stock > 45 : p.Stock < 1).Select(p => p.Sku)),
        Scanned("scan not in", q => q.Where(p => !new[] { "sale", "new" }.Contains(p.Tag) && p.Stock > 40).Select(p => p.Sku)),
        Keyed("value tuple equality", q => q.Where(p => p.Category == "food" && ValueTuple.Create(p.Tag, p.Color).Equals(SaleInRed)).Select(p => p.Sku)),
        Keyed("tuple equality", q => q.Where(p => p.Category == "books" && Tuple.Create(p.Tag, p.Discontinued).Equals(Tuple.Create((string?)"sale", false))).Select(p => p.Sku)),
        Keyed("tuple inequality", q => q.Where(p => p.Category == "books" && !Tuple.Create(p.Tag, p.Discontinued).Equals(Tuple.Create((string?)"sale", false))).Select(p => p.Sku)),
        Keyed("ordinal starts with", q => q.Where(p => p.Category == "books" && p.Name != null && p.Name.StartsWith("Alpha", StringComparison.Ordinal)).Select(p => p.Sku)),
        Keyed("ordinal contains", q => q.Where(p => p.Category == "books" && p.Name != null && p.Name.Contains("a 1", StringComparison.Ordinal)).Select(p => p.Sku)),
        Scanned("scan has value", q => q.Where(p => !p.Rating.HasValue && p.Stock > 40).Select(p => p.Sku)),
        Scanned("scan attribute comparison", q => q.Where(p => p.Stock < p.Rating).Select(p => p.Sku)),
        Scanned("scan sum", q => One(q.Sum(p => p.Stock))),
        Scanned("scan average", q => One(q.Where(p => p.Discontinued).Average(p => p.Price))));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Provider_and_LINQ_to_Objects_agree(Case testCase)
    {
        var transport = new FaultInjectingHttpClientFactory((_, _) => Fault.None, recordBodies: true);
        using var context = catalog.Create(transport);
        var actual = testCase.Query(context.Products).ToList();
        var expected = testCase.Query(catalog.Items.AsQueryable()).ToList();

        if (testCase.Ordered)
        {
            Assert.Equal(expected, actual);
        }
        else
        {
            Assert.Equal(expected.Select(Format).Order(), actual.Select(Format).Order());
        }

        // The requests recorded at the client, not log lines (which a test without logging would not see).
        var scans = transport.Operations.Count(o => o == "Scan");
        if (testCase.PartitionFixed)
        {
            Assert.Equal(0, scans);
        }
        else
        {
            Assert.NotEqual(0, scans);
        }
    }

    private static string Format(object? value) => value switch
    {
        null => "<null>",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        decimal m => Normalize(m).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
    };
}
