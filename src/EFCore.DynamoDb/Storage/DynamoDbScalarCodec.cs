using System.Linq.Expressions;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage;

/// <summary>Converts values of one CLR type to and from one DynamoDB scalar attribute type.</summary>
internal abstract class DynamoDbScalarCodec(Type clrType, DynamoDbAttributeType attributeType)
{
    /// <summary>The (non-nullable) CLR type the codec reads and writes.</summary>
    public Type ClrType { get; } = clrType;

    /// <summary>The DynamoDB attribute type values are stored as; key attributes declare it in the table schema.</summary>
    public DynamoDbAttributeType AttributeType { get; } = attributeType;

    /// <summary>The DynamoDB type descriptor: S, N, B or BOOL.</summary>
    public string TypeDescriptor => AttributeType switch
    {
        DynamoDbAttributeType.String => "S",
        DynamoDbAttributeType.Number => "N",
        DynamoDbAttributeType.Binary => "B",
        DynamoDbAttributeType.Boolean => "BOOL",
        DynamoDbAttributeType.List => "L",
        DynamoDbAttributeType.Map => "M",
        DynamoDbAttributeType.StringSet => "SS",
        DynamoDbAttributeType.NumberSet => "NS",
        _ => "BS",
    };

    /// <summary>Whether a key attribute can hold the values: strings, numbers and binary only.</summary>
    public bool IsKeyType => AttributeType is DynamoDbAttributeType.String or DynamoDbAttributeType.Number or DynamoDbAttributeType.Binary;

    /// <summary>
    /// The value an absent attribute reads as, when not the default: sets read as empty sets, since DynamoDB
    /// cannot store an empty set and leaves the attribute out.
    /// </summary>
    public virtual Expression? CreateEmptyExpression() => null;

    /// <summary>Writes a boxed value of <see cref="ClrType"/>; null when it is stored as an absent attribute (an empty set).</summary>
    public abstract AttributeValue? WriteObject(object value);

    /// <summary>An expression that reads <see cref="ClrType"/> from the given <see cref="AttributeValue"/> expression.</summary>
    public abstract Expression CreateReadExpression(Expression attributeValue);
}
