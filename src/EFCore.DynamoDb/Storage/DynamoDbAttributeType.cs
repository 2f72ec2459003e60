namespace EFCore.DynamoDb.Storage;

/// <summary>The DynamoDB scalar attribute types a property value is stored as.</summary>
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
}
