using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// A navigation to load after the main read (from <c>Include</c>/<c>ThenInclude</c>): the operators of a filtered
/// include (<c>Where</c>, <c>OrderBy</c>, <c>OrderByDescending</c>, <c>Take</c>, innermost first) and the
/// navigations to load in turn from what it loads.
/// </summary>
internal sealed class DynamoDbIncludeNode(INavigationBase navigation)
{
    public INavigationBase Navigation { get; } = navigation;

    /// <summary>The filtered include's operators: the method name and its argument (a lambda or a count).</summary>
    public List<(string Method, Expression Argument)> Operators { get; } = [];

    public List<DynamoDbIncludeNode> Children { get; } = [];

    /// <summary>The node of <paramref name="navigation"/> among <paramref name="nodes"/>, added when missing.</summary>
    public static DynamoDbIncludeNode GetOrAdd(List<DynamoDbIncludeNode> nodes, INavigationBase navigation)
    {
        var node = nodes.Find(n => n.Navigation == navigation);
        if (node == null)
        {
            node = new DynamoDbIncludeNode(navigation);
            nodes.Add(node);
        }

        return node;
    }
}
