using EFCore.DynamoDb.TestModels.Northwind;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Benchmarks.Model.Northwind;

/// <summary>The same model built at run time (a compiled model is bound to its context type).</summary>
public class RuntimeNorthwindContext(DbContextOptions options) : NorthwindContext(options);
