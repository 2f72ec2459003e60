using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace EFCore.DynamoDb.Benchmarks.Infrastructure;

/// <summary>Creates every AWS SDK client of the benchmarks with one and the same configuration.</summary>
public static class BenchClients
{
    /// <summary>A client for <paramref name="serviceUrl"/>; with a factory, its HTTP goes through that factory's handler.</summary>
    public static AmazonDynamoDBClient Create(string serviceUrl, HttpClientFactory? httpClientFactory = null)
    {
        var config = new AmazonDynamoDBConfig { ServiceURL = serviceUrl, AuthenticationRegion = "us-east-1" };
        if (httpClientFactory != null)
        {
            config.HttpClientFactory = httpClientFactory;
        }

        return new AmazonDynamoDBClient(new BasicAWSCredentials("bench", "bench"), config);
    }
}
