using EFCore.DynamoDb.Metadata;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Reads and writes the DynamoDB attribute a property is stored in.</summary>
public static class DynamoDbPropertyExtensions
{
    /// <summary>The name of the DynamoDB attribute the property is stored in: the configured one, else the property name.</summary>
    public static string GetAttributeName(this IReadOnlyProperty property)
        => property[DynamoDbAnnotationNames.AttributeName] as string ?? property.Name;

    /// <summary>Sets the name of the DynamoDB attribute the property is stored in.</summary>
    public static void SetAttributeName(this IMutableProperty property, string? name)
        => property.SetOrRemoveAnnotation(DynamoDbAnnotationNames.AttributeName, CheckName(name));

    /// <summary>Sets the name of the DynamoDB attribute the property is stored in.</summary>
    public static string? SetAttributeName(this IConventionProperty property, string? name, bool fromDataAnnotation = false)
        => (string?)property.SetOrRemoveAnnotation(DynamoDbAnnotationNames.AttributeName, CheckName(name), fromDataAnnotation)?.Value;

    /// <summary>Where the attribute name was configured.</summary>
    public static ConfigurationSource? GetAttributeNameConfigurationSource(this IConventionProperty property)
        => property.FindAnnotation(DynamoDbAnnotationNames.AttributeName)?.GetConfigurationSource();

    private static string? CheckName(string? name)
    {
        if (name != null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name);
        }

        return name;
    }
}
