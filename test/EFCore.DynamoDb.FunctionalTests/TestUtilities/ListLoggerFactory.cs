using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EFCore.DynamoDb.FunctionalTests.TestUtilities;

/// <summary>Collects every log message a context writes, for assertions on requests and warnings.</summary>
public sealed class ListLoggerFactory : ILoggerFactory
{
    public ConcurrentQueue<(EventId EventId, LogLevel Level, string Message)> Messages { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    public IEnumerable<string> MessagesOf(EventId eventId) => Messages.Where(m => m.EventId.Id == eventId.Id).Select(m => m.Message);

    private sealed class Logger(ListLoggerFactory factory) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
            => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => factory.Messages.Enqueue((eventId, logLevel, formatter(state, exception)));
    }
}
