using EFCore.DynamoDb.Metadata;
using EFCore.DynamoDb.Storage;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.ValueGeneration;

namespace EFCore.DynamoDb.ValueGeneration;

/// <summary>
/// EF Core's value generators, plus hi-lo values for integer keys generated on add (a generator per context, over
/// blocks shared by the process), and temporary values for the ordinal key of owned collection elements: the
/// provider replaces them with the element's position when the owner's item is written.
/// </summary>
internal sealed class DynamoDbValueGeneratorSelector(
    ValueGeneratorSelectorDependencies dependencies, DynamoDbHiLoStateCache hiLoStates, DynamoDbClientWrapper clientWrapper)
    : ValueGeneratorSelector(dependencies)
{
    private readonly TemporaryNumberValueGeneratorFactory _ordinals = new();
    private readonly Dictionary<IProperty, ValueGenerator?> _hiLoGenerators = [];

    public override bool TrySelect(IProperty property, ITypeBase typeBase, out ValueGenerator? valueGenerator)
    {
        if (!DynamoDbHiLo.UsesHiLo(property))
        {
            return base.TrySelect(property, typeBase, out valueGenerator);
        }

        // Not cached with the model like other generators (it sends its requests through this context's client):
        // once per property and context.
        if (!_hiLoGenerators.TryGetValue(property, out valueGenerator))
        {
            var table = clientWrapper.Settings.ResolveTableName(DynamoDbHiLo.CounterTableName);
            var (sequence, blockSize) = (DynamoDbHiLo.SequenceName(property), DynamoDbHiLo.BlockSize(property));
            var state = hiLoStates.GetOrAdd(clientWrapper.Settings.Client, table, sequence, blockSize);
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            valueGenerator = (ValueGenerator)Activator.CreateInstance(
                typeof(DynamoDbHiLoValueGenerator<>).MakeGenericType(type), state, clientWrapper, table, sequence, blockSize)!;
            _hiLoGenerators[property] = valueGenerator;
        }

        return true;
    }

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
