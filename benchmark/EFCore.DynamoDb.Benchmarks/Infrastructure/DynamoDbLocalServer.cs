using System.Diagnostics;
using System.Reflection;

namespace EFCore.DynamoDb.Benchmarks.Infrastructure;

/// <summary>A DynamoDB Local started and stopped through <c>eng/dynamodb-local.sh</c>.</summary>
public sealed class DynamoDbLocalServer
{
    private DynamoDbLocalServer(string endpoint, int pid)
    {
        Endpoint = endpoint;
        Pid = pid;
    }

    public string Endpoint { get; }

    public int Pid { get; }

    public bool IsRunning { get; private set; } = true;

    /// <summary>Starts an in-memory server on a free loopback port; it also stops once this process has exited.</summary>
    public static DynamoDbLocalServer Start()
    {
        var output = RunScript("start", "--owner-pid", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        string Value(string name)
            => output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..]
                ?? throw new InvalidOperationException($"dynamodb-local.sh start printed no '{name}=' line:\n{output}");
        return new DynamoDbLocalServer(Value("endpoint"), int.Parse(Value("pid"), System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Stop()
    {
        if (IsRunning)
        {
            RunScript("stop", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
            IsRunning = false;
        }
    }

    /// <summary>Runs the script; stderr (progress) goes to this console, stdout is returned.</summary>
    private static string RunScript(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "eng", "dynamodb-local.sh"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"'dynamodb-local.sh {string.Join(' ', args)}' failed with exit code {process.ExitCode}");
    }

    private static string RepositoryRoot()
        => typeof(DynamoDbLocalServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "RepositoryRoot").Value!;
}
