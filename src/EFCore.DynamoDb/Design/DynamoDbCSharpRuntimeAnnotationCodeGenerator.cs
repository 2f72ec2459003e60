using Microsoft.EntityFrameworkCore.Design.Internal;

namespace EFCore.DynamoDb.Design;

/// <summary>
/// Writes the provider's model annotations (keys, attribute names, indexes, table options, hi-lo sequences) into a
/// compiled model, so that it runs exactly like the model built at run time.
/// </summary>
internal sealed class DynamoDbCSharpRuntimeAnnotationCodeGenerator(CSharpRuntimeAnnotationCodeGeneratorDependencies dependencies)
    : CSharpRuntimeAnnotationCodeGenerator(dependencies);
