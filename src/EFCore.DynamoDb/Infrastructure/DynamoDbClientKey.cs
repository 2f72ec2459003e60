using System.Collections.Concurrent;
using System.Reflection;
using Amazon.Runtime;

namespace EFCore.DynamoDb.Infrastructure;

/// <summary>
/// Identifies one client configuration, so that contexts configured alike share one AWS SDK client even when
/// their options are rebuilt for every context (as <c>AddDbContext</c> does). Credentials with fixed keys compare by
/// value, other credential providers by reference; <c>ConfigureClient</c> callbacks compare by method and by the
/// values they captured.
/// </summary>
internal sealed class DynamoDbClientKey : IEquatable<DynamoDbClientKey>
{
    private static readonly ConcurrentDictionary<Type, FieldInfo[]> ClosureFields = new();

    private readonly string? _serviceUrl;
    private readonly string? _region;
    private readonly object? _credentials;
    private readonly object?[] _configure;

    public DynamoDbClientKey(DynamoDbOptionsExtension options)
    {
        _serviceUrl = options.ServiceUrl;
        _region = options.Region;
        _credentials = options.Credentials switch
        {
            BasicAWSCredentials or SessionAWSCredentials => options.Credentials.GetCredentials(),
            var other => other,
        };
        _configure = options.ConfigureClient?.GetInvocationList().SelectMany(DescribeCallback).ToArray() ?? [];
    }

    public bool Equals(DynamoDbClientKey? other)
        => other != null
            && _serviceUrl == other._serviceUrl
            && _region == other._region
            && Equals(_credentials, other._credentials)
            && _configure.SequenceEqual(other._configure);

    public override bool Equals(object? obj) => Equals(obj as DynamoDbClientKey);

    public override int GetHashCode() => HashCode.Combine(_serviceUrl, _region, _credentials, _configure.Length);

    private static IEnumerable<object?> DescribeCallback(Delegate callback)
    {
        yield return callback.Method;
        if (callback.Target is not { } target)
        {
            yield break;
        }

        var targetType = target.GetType();
        yield return targetType;
        foreach (var field in ClosureFields.GetOrAdd(targetType, t => t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)))
        {
            yield return field.GetValue(target);
        }
    }
}
