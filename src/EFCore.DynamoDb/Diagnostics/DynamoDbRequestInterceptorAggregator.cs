using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.Diagnostics;

/// <summary>Combines the <see cref="IDynamoDbRequestInterceptor"/>s registered with <c>AddInterceptors</c> into one.</summary>
internal sealed class DynamoDbRequestInterceptorAggregator : InterceptorAggregator<IDynamoDbRequestInterceptor>
{
    protected override IDynamoDbRequestInterceptor CreateChain(IEnumerable<IDynamoDbRequestInterceptor> interceptors)
        => new DynamoDbRequestInterceptorChain([.. interceptors]);
}
