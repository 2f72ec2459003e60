using System.Linq.Expressions;
using Amazon.DynamoDBv2.Model;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// A value compared with an attribute operand, known to the client per execution (<see cref="DynamoDbClientValue"/>)
/// and always sent as an expression attribute value, never spliced into the expression text. How it is written is
/// decided at translation, from its CLR type and the operand's (<see cref="DynamoDbValueConversion"/>).
/// </summary>
internal sealed class DynamoDbValueOperand
{
    private readonly DynamoDbClientValue _value;
    private readonly Func<object?, AttributeValue?> _write;

    public DynamoDbValueOperand(Expression valueExpression, DynamoDbAttributeOperand target)
    {
        // A conversion that keeps every value is looked through: the value is written as the attribute's type. One
        // that changes values ((int)days) is evaluated, as C# would.
        var value = DynamoDbConversions.WithoutLosslessConversions(valueExpression);
        _value = new DynamoDbClientValue(value);
        _write = DynamoDbValueConversion.Writer(value.Type, target);
    }

    private DynamoDbValueOperand(AttributeValue? written)
    {
        _value = new DynamoDbClientValue(Expression.Constant(written, typeof(AttributeValue)));
        _write = static value => (AttributeValue?)value;
    }

    /// <summary>A value of a property's whole attribute.</summary>
    public static DynamoDbValueOperand Of(IProperty property, Expression valueExpression)
        => new(valueExpression, DynamoDbAttributeOperand.Of(property));

    /// <summary>A value already written for one execution (an element of a list of key values).</summary>
    public static DynamoDbValueOperand Written(AttributeValue? value) => new(value);

    /// <summary>Whether the value is null in every execution: the query compares with a null constant.</summary>
    public bool IsAlwaysNull => _value.Expression is ConstantExpression { Value: null };

    /// <summary>The attribute value to send for one execution; null when the value is null.</summary>
    public AttributeValue? ToAttributeValue(IReadOnlyDictionary<string, object?> parameters) => _write(_value.Evaluate(parameters));

    public override string ToString() => _value.ToString();
}
