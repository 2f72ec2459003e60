namespace EFCore.DynamoDb.Benchmarks.Model.Northwind;

public class Category
{
    public int CategoryId { get; set; }
    public string CategoryName { get; set; } = "";
    public string? Description { get; set; }
    public List<Product> Products { get; set; } = [];
}
