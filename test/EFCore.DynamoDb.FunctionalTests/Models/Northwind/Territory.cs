namespace EFCore.DynamoDb.TestModels.Northwind;

public class Territory
{
    public string TerritoryId { get; set; } = "";
    public string TerritoryDescription { get; set; } = "";
    public int RegionId { get; set; }
    public Region Region { get; set; } = null!;
    public List<Employee> Employees { get; set; } = [];
}
