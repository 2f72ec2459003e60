namespace EFCore.DynamoDb.Benchmarks.Model.Large;

/// <summary>
/// The shape of every entity type of <see cref="LargeModelContext"/>: the scalar properties of a typical business
/// table, an owned address, and a parent record of another type with its children.
/// </summary>
/// <typeparam name="TParent">The entity type this one belongs to.</typeparam>
/// <typeparam name="TChild">The entity type that belongs to this one.</typeparam>
public abstract class LargeModelRecord<TParent, TChild>
    where TParent : class
    where TChild : class
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public decimal Amount { get; set; }

    public int Quantity { get; set; }

    public LargeModelStatus Status { get; set; }

    public bool IsActive { get; set; }

    public Guid Reference { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public LargeModelAddress Address { get; set; } = new();

    public int? ParentId { get; set; }

    public TParent? Parent { get; set; }

    public List<TChild> Children { get; set; } = [];
}
