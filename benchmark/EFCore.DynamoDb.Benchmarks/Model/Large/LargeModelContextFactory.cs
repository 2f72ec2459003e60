using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EFCore.DynamoDb.Benchmarks.Model.Large;

/// <summary>For <c>dotnet ef dbcontext optimize</c>: a context whose model the tools can build (no server is contacted).</summary>
public class LargeModelContextFactory : IDesignTimeDbContextFactory<LargeModelContext>
{
    public LargeModelContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<LargeModelContext>().UseDynamoDb(d => d.ServiceUrl("http://127.0.0.1:1").Region("us-east-1")).Options);
}
