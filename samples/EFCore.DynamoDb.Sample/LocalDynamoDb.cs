using System.Diagnostics;
using System.Globalization;

namespace EFCore.DynamoDb.Sample;

/// <summary>
/// A DynamoDB Local server started through the repository's <c>eng/dynamodb-local.sh</c>, so the sample runs
/// without any AWS setup. The script fetches DynamoDB Local (and Java, if missing) on first use, picks a free port
/// and keeps the data in memory: everything is gone once the server stops.
/// </summary>
public sealed class LocalDynamoDb
{
    private const string ScriptPath = "eng/dynamodb-local.sh";

    private readonly string _script;
    private readonly int _pid;
    private int _stopped;

    private LocalDynamoDb(string script, string serviceUrl, int pid)
    {
        _script = script;
        ServiceUrl = serviceUrl;
        _pid = pid;
    }

    /// <summary>The server's endpoint, such as <c>http://127.0.0.1:34567</c>.</summary>
    public string ServiceUrl { get; }

    /// <summary>Starts a server and waits until it answers.</summary>
    /// <param name="contentRoot">Where to look for the repository if the app's own directory is not inside it.</param>
    public static async Task<LocalDynamoDb> StartAsync(string contentRoot, CancellationToken cancellationToken = default)
    {
        var script = FindScript(AppContext.BaseDirectory) ?? FindScript(contentRoot)
            ?? throw new InvalidOperationException(
                $"No DynamoDB endpoint is configured and {ScriptPath} was not found above '{AppContext.BaseDirectory}' or '{contentRoot}'. "
                + "Set DynamoDb:ServiceUrl (env DynamoDb__ServiceUrl) or AWS_ENDPOINT_URL_DYNAMODB.");

        // --owner-pid: should this process die without calling Stop, the script's watchdog stops the server.
        var output = await RunScriptAsync(script, cancellationToken, "start", "--owner-pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

        // `start` prints exactly "endpoint=http://127.0.0.1:N" and "pid=P" on stdout.
        var values = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1]);
        if (!values.TryGetValue("endpoint", out var endpoint) || !values.TryGetValue("pid", out var pid))
        {
            throw new InvalidOperationException($"Unexpected output of '{script} start': {output}");
        }

        return new LocalDynamoDb(script, endpoint, int.Parse(pid, CultureInfo.InvariantCulture));
    }

    /// <summary>Stops the server (once; later calls do nothing).</summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            RunScriptAsync(_script, CancellationToken.None, "stop", _pid.ToString(CultureInfo.InvariantCulture)).GetAwaiter().GetResult();
        }
    }

    /// <summary>Walks up from <paramref name="directory"/> to the first folder that holds <c>eng/dynamodb-local.sh</c>.</summary>
    private static string? FindScript(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir != null; dir = dir.Parent)
        {
            var script = Path.Combine(dir.FullName, ScriptPath);
            if (File.Exists(script))
            {
                return script;
            }
        }

        return null;
    }

    /// <summary>Runs the script and returns its stdout; its progress messages (stderr) go to this process's stderr.</summary>
    private static async Task<string> RunScriptAsync(string script, CancellationToken cancellationToken, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("bash") { RedirectStandardOutput = true, UseShellExecute = false };
        startInfo.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start bash.");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"'bash {script} {string.Join(' ', arguments)}' failed with exit code {process.ExitCode}.");
    }
}
