using EFCore.DynamoDb.Metadata;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Configures DynamoDB settings of the whole model.</summary>
public static class DynamoDbModelBuilderExtensions
{
    /// <summary>
    /// Generates every integer key generated on add with hi-lo (the default already): <paramref name="sequenceName"/>
    /// makes all of them share one sequence (default: one per table), <paramref name="blockSize"/> sets how many values
    /// one counter update reserves (default: 10). <c>UseHiLo</c> on a property overrides both.
    /// </summary>
    public static ModelBuilder UseHiLo(this ModelBuilder modelBuilder, string? sequenceName = null, int blockSize = DynamoDbHiLo.DefaultBlockSize)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        DynamoDbHiLo.CheckArguments(sequenceName, blockSize);
        modelBuilder.Model.SetAnnotation(DynamoDbAnnotationNames.HiLoSequenceName, sequenceName);
        modelBuilder.Model.SetAnnotation(DynamoDbAnnotationNames.HiLoBlockSize, blockSize);
        return modelBuilder;
    }
}
