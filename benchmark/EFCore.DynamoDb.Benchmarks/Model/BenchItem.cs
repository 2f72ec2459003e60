namespace EFCore.DynamoDb.Benchmarks.Model;

/// <summary>The item of the <c>bench-items</c> table, as EF Core and the hand-written code see it.</summary>
public class BenchItem
{
    public string Pk { get; set; } = "";
    public string Sk { get; set; } = "";
    public string Name { get; set; } = "";
    public int Count { get; set; }
    public decimal Price { get; set; }
    public bool Active { get; set; }
    public DateTime CreatedAt { get; set; }
}
