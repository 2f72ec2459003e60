using Amazon.DynamoDBv2.Model;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// The owners among the items of a read that returns item collections whole: which items they are, how to
/// materialize them, and the query's limits (<c>Take</c>, <c>First</c>, <c>Single</c>), which count owners, not items.
/// </summary>
internal sealed record DynamoDbItemCollectionOwners(
    DynamoDbItemTypeTest Test,
    Func<QueryContext, Dictionary<string, AttributeValue>, object> Materialize,
    DynamoDbReadPlan? Limits);
