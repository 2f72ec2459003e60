using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// The single result of <c>Sum</c>, <c>Min</c>, <c>Max</c> or <c>Average</c>: the values of the projected attribute,
/// read page by page by the inner query, combined by LINQ to Objects' operator of the same name (so empty sequences,
/// nulls and overflow behave exactly as in LINQ).
/// </summary>
internal sealed class DynamoDbValueAggregateEnumerable<TValue, TResult>(DynamoDbQueryingEnumerable<TValue> values, string method)
    : IEnumerable<TResult>, IAsyncEnumerable<TResult>, IQueryingEnumerable
{
    private static readonly Dictionary<string, Func<IEnumerable<TValue>, TResult>> Operators = [];

    private readonly Func<IEnumerable<TValue>, TResult> _operator = OperatorOf(method);

    public async IAsyncEnumerator<TResult> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var read = new List<TValue>();
        await foreach (var value in values.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            read.Add(value);
        }

        yield return _operator(read);
    }

    public IEnumerator<TResult> GetEnumerator()
    {
        yield return _operator(values.ToList());
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public string ToQueryString() => values.ToQueryString();

    /// <summary>LINQ to Objects' <paramref name="method"/> over values of <typeparamref name="TValue"/>, returning <typeparamref name="TResult"/>.</summary>
    private static Func<IEnumerable<TValue>, TResult> OperatorOf(string method)
    {
        lock (Operators)
        {
            if (!Operators.TryGetValue(method, out var compiled))
            {
                var candidates = typeof(Enumerable).GetMethods(BindingFlags.Public | BindingFlags.Static)
                    .Where(m => m.Name == method && m.GetParameters().Length == 1)
                    .Select(m => m.IsGenericMethodDefinition ? m.MakeGenericMethod(typeof(TValue)) : m)
                    .Where(m => m.GetParameters()[0].ParameterType == typeof(IEnumerable<TValue>) && m.ReturnType == typeof(TResult));
                var parameter = Expression.Parameter(typeof(IEnumerable<TValue>), "values");
                compiled = Expression.Lambda<Func<IEnumerable<TValue>, TResult>>(Expression.Call(candidates.First(), parameter), parameter).Compile();
                Operators[method] = compiled;
            }

            return compiled;
        }
    }
}
