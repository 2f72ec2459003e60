using System.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.TestUtilities;

/// <summary>
/// The DynamoDB endpoint of the test run: <c>DYNAMODB_ENDPOINT</c> when set (real AWS, LocalStack, Alternator),
/// otherwise one DynamoDB Local started through <c>eng/dynamodb-local.sh</c> for the whole run and stopped at its end.
/// Tests never skip when the server is missing: they fail with the reason.
/// </summary>
public static class DynamoDbTestServer
{
    private static readonly Lazy<string> EndpointValue = new(Start);
    private static int? _pid;

    public static string Endpoint => EndpointValue.Value;

    private static string Start()
    {
        var configured = Environment.GetEnvironmentVariable("DYNAMODB_ENDPOINT");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        var script = Path.Combine(RepositoryRoot(), "eng", "dynamodb-local.sh");
        var start = new ProcessStartInfo("bash", [script, "start", "--owner-pid", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var values = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1].Trim());
        if (process.ExitCode != 0 || !values.TryGetValue("endpoint", out var endpoint))
        {
            throw new InvalidOperationException(
                $"DynamoDB Local could not be started with '{script} start' (exit code {process.ExitCode}). Set DYNAMODB_ENDPOINT to use a running server.\n{stderr}");
        }

        _pid = int.Parse(values["pid"], System.Globalization.CultureInfo.InvariantCulture);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(script);
        return endpoint;
    }

    private static void Stop(string script)
    {
        if (_pid is { } pid)
        {
            using var process = Process.Start(new ProcessStartInfo("bash", [script, "stop", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))!;
            process.WaitForExit(10_000);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "eng", "dynamodb-local.sh")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with eng/dynamodb-local.sh) was not found above " + AppContext.BaseDirectory);
    }
}
