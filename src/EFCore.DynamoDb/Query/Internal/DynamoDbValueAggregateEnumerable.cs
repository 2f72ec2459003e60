using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using EFCore.DynamoDb.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// The single result of <c>Sum</c>, <c>Min</c>, <c>Max</c> or <c>Average</c>: the values of the projected attribute,
/// read page by page by the inner query, combined by LINQ to Objects' operator of the same name (so empty sequences,
/// nulls and overflow behave exactly as in LINQ), and the number of values read logged (<c>ValuesAggregated</c>).
/// Synchronously the values stream into the operator; asynchronously they are gathered first, LINQ having no
/// asynchronous operators.
/// </summary>
internal sealed class DynamoDbValueAggregateEnumerable<TValue, TResult>(
    DynamoDbQueryContext queryContext, DynamoDbQueryingEnumerable<TValue> values, string method, string attribute)
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

        var result = _operator(read);
        queryContext.QueryLogger.ValuesAggregated(method, read.Count, attribute);
        yield return result;
    }

    public IEnumerator<TResult> GetEnumerator()
    {
        var read = 0;
        var result = _operator(Counted(values));
        queryContext.QueryLogger.ValuesAggregated(method, read, attribute);
        yield return result;

        IEnumerable<TValue> Counted(IEnumerable<TValue> source)
        {
            foreach (var value in source)
            {
                read++;
                yield return value;
            }
        }
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
