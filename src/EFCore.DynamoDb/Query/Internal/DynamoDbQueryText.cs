using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// A query as written (parameters, not their values), for messages and logs. It is printed from the LINQ tree only
/// when first needed: the first print in a process costs tens of milliseconds, which a cold start would otherwise pay
/// for every query.
/// </summary>
internal sealed class DynamoDbQueryText
{
    private readonly Expression? _query;
    private string? _text;

    public DynamoDbQueryText(Expression query) => _query = query;

    private DynamoDbQueryText(string text) => _text = text;

    public override string ToString() => _text ??= _query!.Print();

    public static implicit operator string(DynamoDbQueryText text) => text.ToString();

    public static implicit operator DynamoDbQueryText(string text) => new(text);
}
