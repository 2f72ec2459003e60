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

    /// <summary><c>ADD #p :v</c>: elements added to a set (<c>x.Tags.Union(values)</c>).</summary>
    AddToSet,

    /// <summary><c>DELETE #p :v</c>: elements removed from a set (<c>x.Tags.Except(values)</c>).</summary>
    RemoveFromSet,

    /// <summary><c>SET #p = list_append(#p, :v)</c>: elements appended to a list (<c>x.Lines.Concat(values)</c>).</summary>
    AppendToList,
}
