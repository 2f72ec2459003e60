using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace EFCore.DynamoDb.Metadata.Conventions;

/// <summary>
/// A property with <c>HasDefaultValue</c> gets its value on insert (the provider writes the default when the entity
/// holds the sentinel value), so EF Core accepts the value back as generated, as with a relational column default.
/// </summary>
internal sealed class DynamoDbDefaultValueConvention : IPropertyAnnotationChangedConvention
{
    public void ProcessPropertyAnnotationChanged(
        IConventionPropertyBuilder propertyBuilder,
        string name,
        IConventionAnnotation? annotation,
        IConventionAnnotation? oldAnnotation,
        IConventionContext<IConventionAnnotation> context)
    {
        if (name == RelationalAnnotationNames.DefaultValue)
        {
            propertyBuilder.ValueGenerated(annotation?.Value == null ? null : ValueGenerated.OnAdd);
        }
    }
}
