using System.Linq.Expressions;
using System.Reflection;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage;

/// <summary>A codec for values of type <typeparamref name="T"/>, from a pair of conversion functions.</summary>
internal sealed class DynamoDbScalarCodec<T>(
    DynamoDbAttributeType attributeType,
    Func<T, AttributeValue?> write,
    Func<AttributeValue, T> read,
    Func<T>? empty = null)
    : DynamoDbScalarCodec(typeof(T), attributeType)
    where T : notnull
{
    private static readonly MethodInfo ReadMethod = typeof(DynamoDbScalarCodec<T>).GetMethod(nameof(Read))!;

    /// <summary>Writes a value; null when it is stored as an absent attribute (an empty set).</summary>
    public AttributeValue? Write(T value) => write(value);

    public T Read(AttributeValue value) => read(value);

    public override AttributeValue? WriteObject(object value) => write((T)value);

    public override Expression? CreateEmptyExpression()
        => empty == null ? null : Expression.Invoke(Expression.Constant(empty));

    public override Expression CreateReadExpression(Expression attributeValue)
        => Expression.Call(Expression.Constant(this), ReadMethod, attributeValue);
}
