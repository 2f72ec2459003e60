using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using EFCore.DynamoDb.Benchmarks.Reporting;

// Exported CSVs then use ',' between values and '.' in numbers, whatever the machine's locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (args is ["--report", var resultsDirectory, var outputPath, var command])
{
    BenchmarkReport.Write(resultsDirectory, outputPath, command);
    return 0;
}

if (args is ["--cold-start", var mode and ("seed" or "compiled" or "runtime"), var endpoint, .. var rest] && rest is [] or ["items" or "northwind" or "large"])
{
    return await EFCore.DynamoDb.Benchmarks.Infrastructure.ColdStart.RunAsync(mode, endpoint, rest is [var model] ? model : "items");
}

if (args is ["--report", ..])
{
    Console.Error.WriteLine("usage: --report <BenchmarkDotNet results directory> <output .md> <command that produced the results>");
    return 2;
}

// Min next to Mean: interference on a shared machine only ever slows an iteration down, so the fastest iteration
// is the steadier figure of the two when a run is noisy.
var config = DefaultConfig.Instance.AddColumn(StatisticColumn.Min);
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
