using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Benchmarks.Model.Large;

/// <summary>An address owned by each record of <see cref="LargeModelContext"/> (a map in DynamoDB).</summary>
[Owned]
public class LargeModelAddress
{
    public string Street { get; set; } = "";

    public string City { get; set; } = "";

    public string? PostalCode { get; set; }

    public string Country { get; set; } = "";
}
