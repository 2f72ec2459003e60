using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.TestUtilities;

/// <summary>Options and raw clients for tests: each test isolates itself with its own table-name prefix.</summary>
public static class TestDb
{
    public static readonly BasicAWSCredentials Credentials = new("test", "test");

    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..10] + "-";

    public static DbContextOptions<TContext> Options<TContext>(
        string prefix,
        Action<DynamoDbDbContextOptionsBuilder>? configure = null,
        Action<DbContextOptionsBuilder>? configureContext = null)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        builder.UseDynamoDb(d =>
        {
            d.ServiceUrl(DynamoDbTestServer.Endpoint).Region("us-east-1").Credentials(Credentials).TableNamePrefix(prefix);
            configure?.Invoke(d);
        });
        configureContext?.Invoke(builder);
        return builder.Options;
    }

    /// <summary>A raw AWS SDK client on the test server, to check what is stored.</summary>
    public static AmazonDynamoDBClient RawClient()
        => new(Credentials, new AmazonDynamoDBConfig { ServiceURL = DynamoDbTestServer.Endpoint, AuthenticationRegion = "us-east-1" });
}
