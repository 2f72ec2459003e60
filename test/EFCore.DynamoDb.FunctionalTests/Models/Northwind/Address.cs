using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.TestModels.Northwind;

/// <summary>An owned type (as on any EF Core provider): stored as a map inside its owner's item.</summary>
[Owned]
public class Address
{
    public string? Street { get; set; }
    public string? City { get; set; }
    public string? Region { get; set; }
    public string? PostalCode { get; set; }
    public string? Country { get; set; }
}
