// A new user's first program, built against the packed EFCore.DynamoDb package: create the table, save, query.
using Amazon.Runtime;
using Microsoft.EntityFrameworkCore;

var endpoint = args.Length > 0 ? args[0] : throw new ArgumentException("usage: PackageConsumer <DynamoDB endpoint>");
var options = new DbContextOptionsBuilder<TodoContext>()
    .UseDynamoDb(d => d.ServiceUrl(endpoint).Region("us-east-1").Credentials(new BasicAWSCredentials("local", "local"))
        .TableNamePrefix("smoke-" + Guid.NewGuid().ToString("N")[..8] + "-"))
    .Options;

await using var context = new TodoContext(options);
await context.Database.EnsureCreatedAsync();
try
{
    context.Todos.AddRange(new Todo { List = "home", Title = "Water the plants" }, new Todo { List = "home", Title = "Fix the door" });
    await context.SaveChangesAsync();

    await using var reader = new TodoContext(options);
    var titles = await reader.Todos.Where(t => t.List == "home").OrderBy(t => t.Title).Select(t => t.Title).ToListAsync();
    if (!titles.SequenceEqual(["Fix the door", "Water the plants"]))
    {
        throw new InvalidOperationException("Unexpected query result: " + string.Join(", ", titles));
    }

    Console.WriteLine($"package-consumer: saved 2 items and read them back with one Query ({reader.Todos.Where(t => t.List == "home").ToQueryString().Split('\n')[0]})");
}
finally
{
    await context.Database.EnsureDeletedAsync();
}

public class Todo
{
    public string List { get; set; } = "";
    public string Title { get; set; } = "";
}

public class TodoContext(DbContextOptions<TodoContext> options) : DbContext(options)
{
    public DbSet<Todo> Todos => Set<Todo>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Todo>(b =>
        {
            b.HasPartitionKey(t => t.List);
            b.HasSortKey(t => t.Title);
        });
}
