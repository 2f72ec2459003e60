using EFCore.DynamoDb.Metadata;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Reads and writes the DynamoDB attribute a property is stored in.</summary>
public static class DynamoDbPropertyExtensions
{
    /// <summary>The name of the DynamoDB attribute the property is stored in: the configured one, else the property name.</summary>
    public static string GetAttributeName(this IReadOnlyProperty property)
        => property[DynamoDbAnnotationNames.AttributeName] as string ?? property.Name;

    /// <summary>
    /// The document path of the property's attribute: its name, behind the names of the complex properties and owned
    /// references (maps) that hold it, outermost first. Inside an element of a complex or owned collection, the path
    /// starts at that element.
    /// </summary>
    public static IReadOnlyList<string> GetAttributePath(this IReadOnlyProperty property)
        => property is IProperty runtimeProperty
            // Requests and writes ask for paths per item: compute them once per property of the runtime model.
            ? runtimeProperty.GetOrAddRuntimeAnnotationValue(DynamoDbAnnotationNames.AttributePath, static p => ComputeAttributePath(p!), runtimeProperty)
            : ComputeAttributePath(property);

    /// <summary>
    /// The document path of a property's attribute or of a complex property's map or list: its name behind the names of
    /// the complex properties that hold it, relative to the item or to the complex collection element that holds it.
    /// </summary>
    internal static IReadOnlyList<string> GetDocumentPath(this IReadOnlyPropertyBase property)
        => property is IReadOnlyProperty scalar ? scalar.GetAttributePath() : ComputeAttributePath(property.DeclaringType, property.Name);

    /// <summary>
    /// The document path of an owned navigation's map or list, relative to the item or to the owned collection element
    /// that holds it.
    /// </summary>
    internal static IReadOnlyList<string> GetDocumentPath(this IReadOnlyNavigation navigation)
        => ComputeAttributePath(navigation.DeclaringEntityType, navigation.Name);

    private static string[] ComputeAttributePath(IReadOnlyProperty property)
        => ComputeAttributePath(property.DeclaringType, property.GetAttributeName());

    private static string[] ComputeAttributePath(IReadOnlyTypeBase declaringType, string name)
    {
        var path = new List<string> { name };
        for (var type = declaringType; ;)
        {
            switch (type)
            {
                case IReadOnlyComplexType { ComplexProperty.IsCollection: false } complexType:
                    path.Insert(0, complexType.ComplexProperty.Name);
                    type = complexType.ComplexProperty.DeclaringType;
                    break;
                case IReadOnlyEntityType entityType when entityType.FindOwnership()?.PrincipalToDependent is { IsCollection: false } navigation:
                    path.Insert(0, navigation.Name);
                    type = navigation.DeclaringEntityType;
                    break;
                default:
                    return path.ToArray();
            }
        }
    }

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
