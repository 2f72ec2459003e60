using Amazon.DynamoDBv2.DataModel;

namespace EFCore.DynamoDb.Benchmarks.Model;

/// <summary>The same item for the AWS SDK's object persistence model (<c>DynamoDBContext</c>).</summary>
[DynamoDBTable(BenchTable.Name)]
public class DataModelItem
{
    [DynamoDBHashKey]
    public string Pk { get; set; } = "";

    [DynamoDBRangeKey]
    public string Sk { get; set; } = "";

    public string Name { get; set; } = "";
    public int Count { get; set; }
    public decimal Price { get; set; }
    public bool Active { get; set; }
    public DateTime CreatedAt { get; set; }
}
