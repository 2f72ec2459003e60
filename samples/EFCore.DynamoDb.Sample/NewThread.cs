namespace EFCore.DynamoDb.Sample;

/// <summary>The body of <c>POST /forums/{name}/threads</c>.</summary>
public record NewThread(string Subject, string Message, string PostedBy, string? Tags);
