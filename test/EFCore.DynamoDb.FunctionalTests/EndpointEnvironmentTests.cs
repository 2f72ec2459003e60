using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests;

public class EndpointEnvironmentTests
{
    [Fact]
    public async Task AWS_ENDPOINT_URL_DYNAMODB_is_honored_when_no_ServiceUrl_is_configured()
    {
        var prefix = TestDb.NewPrefix();
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_DYNAMODB", DynamoDbTestServer.Endpoint);
        try
        {
            var options = new DbContextOptionsBuilder<ShopContext>()
                .UseDynamoDb(d => d.Region("us-east-1").Credentials(TestDb.Credentials).TableNamePrefix(prefix))
                .Options;
            await using var context = new ShopContext(options);
            Assert.True(await context.Database.EnsureCreatedAsync());

            using var raw = TestDb.RawClient();
            Assert.Contains(prefix + "users", (await raw.ListTablesAsync()).TableNames);
            await context.Database.EnsureDeletedAsync();
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_DYNAMODB", null);
        }
    }
}
