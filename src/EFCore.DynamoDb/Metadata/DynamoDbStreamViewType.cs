namespace Microsoft.EntityFrameworkCore;

/// <summary>What a DynamoDB stream record holds for each changed item.</summary>
public enum DynamoDbStreamViewType
{
    /// <summary>Only the key attributes.</summary>
    KeysOnly,

    /// <summary>The item as it is after the change.</summary>
    NewImage,

    /// <summary>The item as it was before the change.</summary>
    OldImage,

    /// <summary>Both the new and the old item.</summary>
    NewAndOldImages,
}
