namespace EFCore.DynamoDb.Sample;

/// <summary>The body of <c>POST /forums</c>.</summary>
public record NewForum(string Name, string? Description);
