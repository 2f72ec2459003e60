using Amazon.Runtime.Credentials;

namespace EFCore.DynamoDb.FunctionalTests.RealAws;

/// <summary>
/// A test against real AWS DynamoDB: it runs only when <c>EFCORE_DYNAMODB_REAL_AWS=1</c> and the AWS SDK's default
/// chain finds credentials (and a region); everywhere else it is reported as skipped, with the reason.
/// Run the lane with <c>bash eng/test-real-aws.sh</c>.
/// </summary>
public sealed class RealAwsFactAttribute : FactAttribute
{
    public const string OptInVariable = "EFCORE_DYNAMODB_REAL_AWS";

    public RealAwsFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(OptInVariable) != "1")
        {
            Skip = $"Real AWS lane: set {OptInVariable}=1 with AWS credentials and a region to run it (bash eng/test-real-aws.sh).";
        }
        else if (!HasCredentials())
        {
            Skip = $"Real AWS lane: {OptInVariable}=1, but the AWS SDK's default chain found no credentials.";
        }
    }

    private static bool HasCredentials()
    {
        try
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials(null) != null;
        }
        catch (Exception)
        {
            return false;
        }
    }
}
