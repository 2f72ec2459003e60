using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace EFCore.DynamoDb.Metadata.Conventions;

/// <summary>
/// Applies a table attribute on a class (<c>[DynamoDbTable]</c>, or the <c>[Table]</c> a SQL Server model carries) to
/// the entity type's table name, with data-annotation precedence.
/// </summary>
internal sealed class TableAttributeConvention<TAttribute>(
    ProviderConventionSetBuilderDependencies dependencies,
    Func<TAttribute, string> tableName)
    : TypeAttributeConventionBase<TAttribute>(dependencies)
    where TAttribute : Attribute
{
    protected override void ProcessEntityTypeAdded(
        IConventionEntityTypeBuilder entityTypeBuilder,
        TAttribute attribute,
        IConventionContext<IConventionEntityTypeBuilder> context)
    {
        // Only the class's own attribute: a derived class does not copy its base class's table name, which would stay
        // behind if the base type's table were renamed (a hierarchy shares its root's table).
        if (Attribute.IsDefined(entityTypeBuilder.Metadata.ClrType, typeof(TAttribute), inherit: false))
        {
            entityTypeBuilder.ToTable(tableName(attribute), fromDataAnnotation: true);
        }
    }
}
