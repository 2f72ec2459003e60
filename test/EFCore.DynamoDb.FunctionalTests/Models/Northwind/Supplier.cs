namespace EFCore.DynamoDb.TestModels.Northwind;

public class Supplier
{
    public int SupplierId { get; set; }
    public string CompanyName { get; set; } = "";
    public string? ContactName { get; set; }
    public Address? Address { get; set; }
    public string? Phone { get; set; }
    public List<Product> Products { get; set; } = [];
}
