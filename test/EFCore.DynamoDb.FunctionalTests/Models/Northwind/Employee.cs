namespace EFCore.DynamoDb.TestModels.Northwind;

public class Employee
{
    public int EmployeeId { get; set; }
    public string LastName { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string? Title { get; set; }
    public DateTime? BirthDate { get; set; }
    public DateTime? HireDate { get; set; }
    public Address? Address { get; set; }
    public int? ReportsTo { get; set; }
    public Employee? Manager { get; set; }
    public List<Employee> Reports { get; set; } = [];
    public List<Order> Orders { get; set; } = [];
    public List<Territory> Territories { get; set; } = [];
}
