using EFCore.DynamoDb.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.ValueGeneration;

namespace EFCore.DynamoDb.ValueGeneration;

/// <summary>
/// EF Core's value generators, plus temporary values for the ordinal key of owned collection elements: the provider
/// replaces them with the element's position when the owner's item is written.
/// </summary>
internal sealed class DynamoDbValueGeneratorSelector(ValueGeneratorSelectorDependencies dependencies) : ValueGeneratorSelector(dependencies)
{
    private readonly TemporaryNumberValueGeneratorFactory _ordinals = new();

    // Called once per property: EF Core caches the generator, which must hand out distinct temporary values.
    public override bool TryCreate(IProperty property, ITypeBase typeBase, out ValueGenerator? valueGenerator)
    {
        if (typeBase is IEntityType entityType && property == DynamoDbOwnedKeys.FindOrdinal(entityType))
        {
            valueGenerator = _ordinals.Create(property, typeBase);
            return true;
        }

        return base.TryCreate(property, typeBase, out valueGenerator);
    }
}
