namespace EFCore.DynamoDb.TestModels.Northwind;

public class Customer
{
    public string CustomerId { get; set; } = "";
    public string CompanyName { get; set; } = "";
    public string? ContactName { get; set; }
    public string? ContactTitle { get; set; }
    public Address? Address { get; set; }
    public string? Phone { get; set; }
    public List<Order> Orders { get; set; } = [];
}
