using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.FunctionalTests;

public class ConnectionTests
{
    [Fact]
    public async Task CanConnect_is_true_for_a_running_endpoint()
    {
        await using var context = new ShopContext(TestDb.Options<ShopContext>(TestDb.NewPrefix()));
        Assert.True(await context.Database.CanConnectAsync());
        Assert.True(context.Database.CanConnect());
        Assert.True(context.Database.IsDynamoDb());
    }

    [Fact]
    public async Task Endpoint_that_refuses_connections_fails_fast_with_a_clear_error()
    {
        // The default client configuration: the AWS SDK's own retries of a refused connection took two minutes.
        var url = $"http://127.0.0.1:{ClosedPort()}";
        var options = new DbContextOptionsBuilder<ShopContext>()
            .UseDynamoDb(d => d.ServiceUrl(url).Credentials(TestDb.Credentials))
            .Options;
        await using var context = new ShopContext(options);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.False(await context.Database.CanConnectAsync());
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        watch.Restart();
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.Users.Where(u => u.Email == "a").ToListAsync());
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Contains("users", exception.Message);
        Assert.Contains(url, exception.Message);
        Assert.Contains("could not reach", exception.Message);
        Assert.DoesNotContain("secret", exception.Message);
    }

    [Fact]
    public async Task Endpoint_that_never_answers_fails_after_one_timeout_and_CanConnect_answers_within_seconds()
    {
        // It accepts connections and never answers: the AWS SDK's own retries of each timeout took seven minutes.
        using var silent = Listen(out var url);

        // The default client configuration (a request times out after 30 s): the probe does not wait for it.
        await using (var probing = ContextAt(url))
        {
            _ = probing.Model;
            var watch = Stopwatch.StartNew();
            Assert.False(await probing.Database.CanConnectAsync());
            Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        }

        // Retries as configured by default; only the timeout is shortened, so that the test is quick.
        await using var context = ContextAt(url, c => c.Timeout = TimeSpan.FromSeconds(1));
        var stopwatch = Stopwatch.StartNew();
        var exception = await Assert.ThrowsAsync<DbUpdateException>(async () =>
        {
            context.Users.Add(new User { Email = "a@b.com" });
            await context.SaveChangesAsync();
        });
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
        Assert.Contains(url, exception.Message);
        Assert.Contains("'users'", exception.Message);
        Assert.Contains("no answer within 1 s", exception.Message);
        Assert.Contains("may or may not have been applied", exception.Message);
    }

    [Fact]
    public async Task Cancelling_a_request_to_an_endpoint_that_never_answers_is_a_cancellation_not_a_timeout()
    {
        using var silent = Listen(out var url);
        await using var context = ContextAt(url);
        _ = context.Model;

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => context.Users.Where(u => u.Email == "a").ToListAsync(cancel.Token));
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Endpoint_whose_connections_time_out_is_tried_twice_then_reported_unreachable()
    {
        // A listener whose accept queue is full: Linux drops further connection attempts unanswered, as a firewall
        // or a security group does, so connecting times out.
        using var full = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        full.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        full.Listen(0);
        var endpoint = (IPEndPoint)full.LocalEndPoint!;
        using var queued = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await queued.ConnectAsync(endpoint);
        var url = $"http://127.0.0.1:{endpoint.Port}";
        await using var context = ContextAt(url);
        _ = context.Model;

        var watch = Stopwatch.StartNew();
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.Users.Where(u => u.Email == "a").ToListAsync());
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(3.9), TimeSpan.FromSeconds(5));
        Assert.Contains("No connection could be made after 2 attempts", exception.Message);
        Assert.Contains(url, exception.Message);
        Assert.DoesNotContain("may or may not have been applied", exception.Message);
    }

    [Fact]
    public async Task Credentials_that_cannot_be_resolved_are_reported_with_the_request_and_endpoint()
    {
        var url = $"http://127.0.0.1:{ClosedPort()}";
        await using var context = new ShopContext(new DbContextOptionsBuilder<ShopContext>()
            .UseDynamoDb(d => d.ServiceUrl(url).Credentials(new UnresolvableCredentials())).Options);

        var exception = await Assert.ThrowsAsync<AmazonClientException>(() => context.Users.Where(u => u.Email == "a").ToListAsync());
        Assert.Contains("Query request for table 'users'", exception.Message);
        Assert.Contains(url, exception.Message);
        Assert.Contains("DynamoDB Local accepts any", exception.Message);
    }

    [Theory]
    [InlineData("404 Not Found", HttpStatusCode.NotFound, "got an answer from {0} that is not DynamoDB's (HTTP 404")]
    [InlineData("503 Service Unavailable", HttpStatusCode.ServiceUnavailable, "to {0} failed with HTTP 503 and no DynamoDB error code")]
    public async Task Answer_without_a_DynamoDB_error_code_is_reported_with_the_request_endpoint_and_HTTP_status(
        string status, HttpStatusCode statusCode, string expected)
    {
        // A web server on the wrong port (below 500), or a failure in front of DynamoDB (5xx, after the SDK's retries:
        // none here, so that the test is quick).
        using var listener = Listen(out var url);
        using var answering = new CancellationTokenSource();
        var server = AnswerAsync(listener, status, answering.Token);
        await using var context = ContextAt(url, c => c.MaxErrorRetry = 0);

        var exception = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => context.Users.Where(u => u.Email == "a").ToListAsync());
        Assert.Contains("Query request for table 'users'", exception.Message);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, url), exception.Message);
        Assert.Equal(statusCode, exception.StatusCode);
        await answering.CancelAsync();
        await server;
    }

    /// <summary>A listener on a free loopback port that accepts connections and never answers, and its URL.</summary>
    private static TcpListener Listen(out string url)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        return listener;
    }

    /// <summary>A context on the endpoint, with the provider's default client configuration unless changed.</summary>
    private static ShopContext ContextAt(string url, Action<AmazonDynamoDBConfig>? configure = null)
        => new(new DbContextOptionsBuilder<ShopContext>()
            .UseDynamoDb(d => d.ServiceUrl(url).Credentials(TestDb.Credentials).ConfigureClient(c => configure?.Invoke(c)))
            .Options);

    /// <summary>Answers every request with the HTTP status and no body, as a web server on the wrong port does.</summary>
    private static async Task AnswerAsync(TcpListener listener, string status, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync(cancellationToken);
                var stream = client.GetStream();
                var buffer = new byte[16 * 1024];
                var received = new System.Text.StringBuilder();
                while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer, cancellationToken);
                    if (read == 0)
                    {
                        break;
                    }

                    received.Append(System.Text.Encoding.ASCII.GetString(buffer, 0, read));
                }

                await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Credentials that fail as the AWS SDK's default chain does on a machine without any.</summary>
    private sealed class UnresolvableCredentials : AWSCredentials
    {
        public override ImmutableCredentials GetCredentials()
            => throw new AmazonClientException("Failed to resolve AWS credentials. The credential providers used to search for credentials returned no credentials.");
    }

    [Fact]
    public async Task Contexts_with_different_prefixes_address_their_own_tables_and_share_one_service_provider()
    {
        var first = TestDb.NewPrefix();
        var second = TestDb.NewPrefix();
        var createdAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await using (var a = new ShopContext(TestDb.Options<ShopContext>(first)))
        await using (var b = new ShopContext(TestDb.Options<ShopContext>(second)))
        {
            await a.Database.EnsureCreatedAsync();
            await b.Database.EnsureCreatedAsync();
            a.Users.Add(new User { Email = "only-in-a", CreatedAt = createdAt });
            await a.SaveChangesAsync();

            Assert.NotNull(await a.Users.FindAsync("only-in-a", createdAt));
            Assert.Null(await b.Users.FindAsync("only-in-a", createdAt));
            Assert.Same(a.GetService<ITypeMappingSource>(), b.GetService<ITypeMappingSource>());
            await a.Database.EnsureDeletedAsync();
            await b.Database.EnsureDeletedAsync();
        }
    }

    [Fact]
    public void Many_contexts_with_different_settings_never_build_new_service_providers()
    {
        for (var i = 0; i < 30; i++)
        {
            var options = new DbContextOptionsBuilder<ShopContext>()
                .UseDynamoDb(d => d.ServiceUrl($"http://127.0.0.1:{9000 + i}").TableNamePrefix($"p{i}-"))
                .ConfigureWarnings(w => w.Throw(CoreEventId.ManyServiceProvidersCreatedWarning))
                .Options;
            using var context = new ShopContext(options);
            Assert.Equal($"p{i}-users", context.Users.Where(u => u.Email == "x").ToQueryString().Split('\n')[0].Split(' ')[1]);
        }
    }

    [Fact]
    public void One_client_is_shared_per_configuration_and_a_supplied_client_is_used_as_is()
    {
        DbContextOptions<ShopContext> Options(string url) => new DbContextOptionsBuilder<ShopContext>()
            .UseDynamoDb(d => d.ServiceUrl(url).Credentials(new BasicAWSCredentials("key", "secret")).ConfigureClient(c => c.MaxErrorRetry = 2))
            .Options;

        using var a = new ShopContext(Options("http://127.0.0.1:9001"));
        using var b = new ShopContext(Options("http://127.0.0.1:9001"));
        using var c = new ShopContext(Options("http://127.0.0.1:9002"));
        Assert.Same(a.Database.GetDynamoDbClient(), b.Database.GetDynamoDbClient());
        Assert.NotSame(a.Database.GetDynamoDbClient(), c.Database.GetDynamoDbClient());
        Assert.Equal(2, ((AmazonDynamoDBClient)a.Database.GetDynamoDbClient()).Config.MaxErrorRetry);

        using var own = TestDb.RawClient();
        using var d = new ShopContext(new DbContextOptionsBuilder<ShopContext>().UseDynamoDb(own).Options);
        Assert.Same(own, d.Database.GetDynamoDbClient());
    }

    [Fact]
    public async Task GetDynamoDbClient_returns_the_client_the_context_uses()
    {
        var prefix = TestDb.NewPrefix();
        await using var context = new ShopContext(TestDb.Options<ShopContext>(prefix));
        await context.Database.EnsureCreatedAsync();
        var tables = await context.Database.GetDynamoDbClient().ListTablesAsync();
        Assert.Contains(prefix + "users", tables.TableNames);
        await context.Database.EnsureDeletedAsync();
    }

    [Fact]
    public void Invalid_service_url_is_refused_when_configured()
        => Assert.Throws<ArgumentException>(() => new DbContextOptionsBuilder().UseDynamoDb(d => d.ServiceUrl("localhost:8000")));

    [Fact]
    public void User_transactions_are_refused_with_a_clear_message()
    {
        using var context = new ShopContext(TestDb.Options<ShopContext>(TestDb.NewPrefix()));
        var exception = Assert.Throws<InvalidOperationException>(() => context.Database.BeginTransaction());
        Assert.Contains("no user transactions", exception.Message);
        Assert.Contains("one SaveChanges", exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_missing_table_is_named_with_the_endpoint()
    {
        var prefix = TestDb.NewPrefix();
        await using var context = new ShopContext(TestDb.Options<ShopContext>(prefix));

        var query = await Assert.ThrowsAsync<Amazon.DynamoDBv2.Model.ResourceNotFoundException>(() => context.Users.Where(u => u.Email == "a").ToListAsync());
        Assert.Equal("ResourceNotFoundException", query.ErrorCode);
        Assert.Contains($"'{prefix}users' does not exist at {DynamoDbTestServer.Endpoint}", query.Message);

        context.Users.Add(new User { Email = "a", CreatedAt = DateTime.UtcNow });
        var save = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        Assert.Contains($"'{prefix}users' does not exist", save.Message);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
