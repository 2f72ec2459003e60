namespace EFCore.DynamoDb.Storage;

/// <summary>The DynamoDB attribute types a property value is stored as.</summary>
internal enum DynamoDbAttributeType
{
    /// <summary>S: a UTF-8 string.</summary>
    String,

    /// <summary>N: a number, sent as its exact decimal text.</summary>
    Number,

    /// <summary>B: binary data.</summary>
    Binary,

    /// <summary>BOOL: true or false.</summary>
    Boolean,

    /// <summary>L: a list of values of any type.</summary>
    List,

    /// <summary>M: a map from string keys to values of any type.</summary>
    Map,

    /// <summary>SS: a set of strings.</summary>
    StringSet,

    /// <summary>NS: a set of numbers.</summary>
    NumberSet,

    /// <summary>BS: a set of binary values.</summary>
    BinarySet,
}
