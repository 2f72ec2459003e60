using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.Extensions.DependencyInjection;

[assembly: DesignTimeProviderServices("EFCore.DynamoDb.Design.DynamoDbDesignTimeServices")]

namespace EFCore.DynamoDb.Design;

/// <summary>
/// The provider's services for EF Core's design-time tools (<c>dotnet ef dbcontext optimize</c>): found by the tools
/// through the assembly's <see cref="DesignTimeProviderServicesAttribute"/>; applications do not call it.
/// </summary>
public sealed class DynamoDbDesignTimeServices : IDesignTimeServices
{
    /// <summary>Adds the provider's services and its compiled-model code generator.</summary>
    public void ConfigureDesignTimeServices(IServiceCollection serviceCollection)
    {
        ArgumentNullException.ThrowIfNull(serviceCollection);
        serviceCollection.AddEntityFrameworkDynamoDb();
        new EntityFrameworkDesignServicesBuilder(serviceCollection)
            .TryAdd<ICSharpRuntimeAnnotationCodeGenerator, DynamoDbCSharpRuntimeAnnotationCodeGenerator>()
            .TryAddCoreServices();
    }
}
