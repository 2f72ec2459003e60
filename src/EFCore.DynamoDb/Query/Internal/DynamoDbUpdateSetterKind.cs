namespace EFCore.DynamoDb.Query.Internal;

/// <summary>How an <c>ExecuteUpdate</c> setter changes its attribute.</summary>
internal enum DynamoDbUpdateSetterKind
{
    /// <summary><c>SET #p = :v</c> (or <c>REMOVE #p</c> for null).</summary>
    Assign,

    /// <summary><c>SET #p = #p + :v</c>: an atomic counter.</summary>
    Add,

    /// <summary><c>SET #p = #p - :v</c>.</summary>
    Subtract,
}
