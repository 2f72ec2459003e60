using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Benchmarks.Model.Large;

/// <summary>The same model built at run time (a compiled model is bound to its context type).</summary>
public class RuntimeLargeModelContext(DbContextOptions options) : LargeModelContext(options);
