namespace EFCore.DynamoDb.Query.Internal;

/// <summary>One step of a document path: a map member's name, and the list index read from it, if any (<c>Lines[2]</c>).</summary>
internal readonly record struct DynamoDbPathSegment(string Name, int? Index = null);
