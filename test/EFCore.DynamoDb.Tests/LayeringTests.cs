namespace EFCore.DynamoDb.Tests;

/// <summary>The provider's layers depend downwards only: query translation uses storage, never the reverse.</summary>
public class LayeringTests
{
    [Fact]
    public void Storage_does_not_depend_on_query_translation()
    {
        var storage = Path.Combine(RepositoryRoot(), "src", "EFCore.DynamoDb", "Storage");
        var offenders = Directory.EnumerateFiles(storage, "*.cs", SearchOption.AllDirectories)
            .Where(file => File.ReadAllText(file).Contains("EFCore.DynamoDb.Query", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .ToList();

        Assert.NotEmpty(Directory.EnumerateFiles(storage, "*.cs"));
        Assert.Empty(offenders);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EFCore.DynamoDb.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (EFCore.DynamoDb.sln) was not found above " + AppContext.BaseDirectory);
    }
}
