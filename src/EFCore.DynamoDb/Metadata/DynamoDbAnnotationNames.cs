namespace EFCore.DynamoDb.Metadata;

/// <summary>The names of the model annotations the DynamoDB provider stores; all share one prefix.</summary>
internal static class DynamoDbAnnotationNames
{
    public const string Prefix = "DynamoDb:";
    public const string PartitionKey = Prefix + "PartitionKey";
    public const string SortKey = Prefix + "SortKey";
    public const string AttributeName = Prefix + "AttributeName";

    /// <summary>A runtime annotation: the cached document path of a property.</summary>
    public const string AttributePath = Prefix + "AttributePath";
    public const string WriteShape = Prefix + "WriteShape";

    /// <summary>A runtime annotation of a foreign key: the cached reader of the keys of its dependents.</summary>
    public const string DependentKeysReader = Prefix + "DependentKeysReader";

    /// <summary>A runtime annotation of an entity type: the cached test of whether an item holds the type.</summary>
    public const string ItemTypeTest = Prefix + "ItemTypeTest";
    public const string SecondaryIndexName = Prefix + "SecondaryIndexName";
    public const string SecondaryIndexType = Prefix + "SecondaryIndexType";
    public const string ProjectionType = Prefix + "ProjectionType";
    public const string ProjectedAttributes = Prefix + "ProjectedAttributes";
    public const string BillingMode = Prefix + "BillingMode";
    public const string ReadCapacity = Prefix + "ReadCapacity";
    public const string WriteCapacity = Prefix + "WriteCapacity";
    public const string StreamViewType = Prefix + "StreamViewType";
    public const string TimeToLive = Prefix + "TimeToLive";

    /// <summary>On a property or the model: the hi-lo sequence its generated integer keys come from.</summary>
    public const string HiLoSequenceName = Prefix + "HiLoSequenceName";

    /// <summary>On a property or the model: how many hi-lo values one counter update reserves.</summary>
    public const string HiLoBlockSize = Prefix + "HiLoBlockSize";
}
