using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>A comparison of two attributes of the same item: <c>#left op #right</c> (<c>x.Max &gt; x.Min</c>).</summary>
internal sealed record DynamoDbAttributeComparisonFilter(IProperty Left, DynamoDbComparisonOperator Operator, IProperty Right)
    : DynamoDbFilter;
