using Amazon.Runtime;
using EFCore.DynamoDb.Sample;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);

// Which DynamoDB to use, in this order:
//  1. DynamoDb:ServiceUrl from configuration (appsettings.json, or env DynamoDb__ServiceUrl): any DynamoDB-compatible
//     endpoint; region and credentials come from the AWS SDK's default chain (for DynamoDB Local, any
//     AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY will do).
//  2. AWS_ENDPOINT_URL_DYNAMODB: the SDK's default chain picks it up by itself, so UseDynamoDb needs no ServiceUrl.
//     (A production app would simply call UseDynamoDb(): the default chain then finds region and credentials.)
//  3. Neither: start a throw-away DynamoDB Local for the lifetime of this process.
var serviceUrl = builder.Configuration["DynamoDb:ServiceUrl"];
LocalDynamoDb? localDynamoDb = null;
if (string.IsNullOrEmpty(serviceUrl) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_DYNAMODB")))
{
    localDynamoDb = await LocalDynamoDb.StartAsync(builder.Environment.ContentRootPath);
}

builder.Services.AddDbContext<ForumContext>(options => options.UseDynamoDb(dynamoDb =>
{
    if (localDynamoDb != null)
    {
        // DynamoDB Local accepts any credentials; with a ServiceUrl the region is only used to sign requests.
        dynamoDb.ServiceUrl(localDynamoDb.ServiceUrl)
            .Region("us-east-1")
            .Credentials(new BasicAWSCredentials("local", "local"));
    }
    else if (!string.IsNullOrEmpty(serviceUrl))
    {
        dynamoDb.ServiceUrl(serviceUrl);
    }
}));

// The EF Core health check calls Database.CanConnectAsync, which for DynamoDB is a ListTables request.
builder.Services.AddHealthChecks().AddDbContextCheck<ForumContext>();

var app = builder.Build();

if (localDynamoDb != null)
{
    // Stopped rather than Stopping: requests still in flight when shutdown begins may need the database.
    app.Lifetime.ApplicationStopped.Register(localDynamoDb.Stop);
}

// Creates the "forums" table (key schema from HasPartitionKey/HasSortKey) unless it exists, and waits until it is
// ACTIVE.
await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<ForumContext>().Database.EnsureCreatedAsync();
}

app.MapHealthChecks("/health");
app.MapForumEndpoints();

app.Run();
