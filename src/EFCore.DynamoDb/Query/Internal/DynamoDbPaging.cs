namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// The window of results one execution asks for, from its <c>Skip</c> and <c>Take</c> operators in order:
/// skip <see cref="Offset"/> matching items (on the client: DynamoDB has no offset), then return at most <see cref="Count"/>.
/// </summary>
internal readonly record struct DynamoDbPaging(int Offset, int? Count)
{
    /// <summary>How many matching items must be read to fill the window; null for all.</summary>
    public int? ItemsToRead => Count == null ? null : (int)Math.Min((long)Offset + Count.Value, int.MaxValue);

    /// <summary>The part of <paramref name="total"/> matching items that falls in the window.</summary>
    public long Clip(long total) => Math.Clamp(total - Offset, 0, Count ?? long.MaxValue);

    public DynamoDbPaging Skip(int count)
        => new((int)Math.Min((long)Offset + Math.Max(count, 0), int.MaxValue), Count == null ? null : Math.Max(Count.Value - Math.Max(count, 0), 0));

    public DynamoDbPaging Take(int count) => this with { Count = Math.Min(Count ?? int.MaxValue, Math.Max(count, 0)) };
}
