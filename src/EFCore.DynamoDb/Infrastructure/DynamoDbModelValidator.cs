using System.Reflection;
using EFCore.DynamoDb.Metadata;
using EFCore.DynamoDb.Properties;
using EFCore.DynamoDb.Storage;
using EFCore.DynamoDb.Update;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Infrastructure;

/// <summary>
/// DynamoDB's model rules, checked when the model is built so that bad mappings fail before any request:
/// key shape and key types, value generation DynamoDB cannot do, attribute names, and tables shared between types.
/// </summary>
internal sealed class DynamoDbModelValidator(ModelValidatorDependencies dependencies) : ModelValidator(dependencies)
{
    public override void Validate(IModel model, IDiagnosticsLogger<DbLoggerCategory.Model.Validation> logger)
    {
        var rootTypes = model.GetEntityTypes().Where(e => e.BaseType == null && !e.IsOwned()).ToList();
        foreach (var entityType in model.GetEntityTypes())
        {
            ValidateShape(entityType);
        }

        foreach (var entityType in rootTypes)
        {
            ValidateKey(entityType);
            ValidateRowVersions(entityType);
            ValidateSecondaryIndexes(entityType);
            foreach (var type in entityType.GetDerivedTypesInclusive())
            {
                ValidateAttributeNames(type);
                ValidateNoDocumentCycle(type, []);
                if (type.GetTableName() != entityType.GetTableName())
                {
                    throw new InvalidOperationException(
                        DynamoDbStrings.DerivedTypeTable(type.DisplayName(), type.GetTableName(), entityType.DisplayName(), entityType.GetTableName()));
                }
            }

            if (entityType.GetBillingMode() == DynamoDbBillingMode.Provisioned && entityType.GetProvisionedThroughput() == null)
            {
                throw new InvalidOperationException(DynamoDbStrings.ProvisionedWithoutThroughput(entityType.DisplayName()));
            }
        }

        ValidateSharedTables(rootTypes);
        base.Validate(model, logger);
    }

    private static void ValidateShape(IEntityType entityType)
    {
        // The owner's item is written whole or not at all: concurrency checks belong to the owner.
        if (entityType.IsOwned() && entityType.GetProperties().FirstOrDefault(p => p.IsConcurrencyToken) is { } token)
        {
            throw new InvalidOperationException(DynamoDbStrings.OwnedConcurrencyToken(entityType.DisplayName(), token.Name));
        }

        // A member of a complex value has no place in the write's condition: the token belongs to the entity.
        if (ComplexMembers(entityType).FirstOrDefault(p => p.IsConcurrencyToken) is { } complexToken)
        {
            throw new InvalidOperationException(DynamoDbStrings.ComplexConcurrencyToken(complexToken.DeclaringType.DisplayName(), complexToken.Name));
        }

        foreach (var foreignKey in entityType.GetDeclaredForeignKeys().Where(fk => !fk.IsOwnership))
        {
            ValidateRelationship(foreignKey);
        }

        // UseHiLo on a property hi-lo cannot generate would otherwise be silently ignored.
        if (entityType.GetDeclaredProperties().FirstOrDefault(
                p => p.FindAnnotation(DynamoDbAnnotationNames.HiLoBlockSize) != null && !DynamoDbHiLo.UsesHiLo(p)) is { } hiLo)
        {
            throw new InvalidOperationException(DynamoDbStrings.HiLoNotSupported(entityType.DisplayName(), hiLo.Name, hiLo.ClrType.ShortDisplayName()));
        }
    }

    private static IEnumerable<IProperty> ComplexMembers(ITypeBase type)
        => type.GetDeclaredComplexProperties().SelectMany(c => c.ComplexType.GetProperties().Concat(ComplexMembers(c.ComplexType)));

    /// <summary>
    /// A relationship is followed by reading the principal by its key, or the dependents by their foreign key: the
    /// principal key must be the principal's primary key, or its partition key alone (an item collection). Owned
    /// entities live inside their owner's item and cannot take part in other relationships.
    /// </summary>
    private static void ValidateRelationship(IForeignKey foreignKey)
    {
        var (dependent, principal) = (foreignKey.DeclaringEntityType, foreignKey.PrincipalEntityType);
        if (dependent.IsOwned() || principal.IsOwned())
        {
            throw new InvalidOperationException(DynamoDbStrings.OwnedTypeInRelationship(
                dependent.DisplayName(), principal.DisplayName(), (dependent.IsOwned() ? dependent : principal).DisplayName()));
        }

        if (principal.FindPrimaryKey() is not { } primaryKey || dependent.FindPrimaryKey() == null)
        {
            var navigation = (IReadOnlyNavigationBase?)foreignKey.PrincipalToDependent ?? foreignKey.DependentToPrincipal;
            var keyless = principal.FindPrimaryKey() == null ? principal : dependent;
            throw new InvalidOperationException(DynamoDbStrings.RelatedTypeWithoutKey(
                navigation == null ? dependent.DisplayName() : $"{navigation.DeclaringEntityType.DisplayName()}.{navigation.Name}", keyless.DisplayName()));
        }

        if (foreignKey.PrincipalKey != primaryKey
            && !(foreignKey.PrincipalKey.Properties is [var single] && single == primaryKey.Properties[0]))
        {
            throw new InvalidOperationException(DynamoDbStrings.PrincipalKeyNotServable(
                dependent.DisplayName(),
                principal.DisplayName(),
                string.Join(", ", foreignKey.PrincipalKey.Properties.Select(p => p.Name)),
                primaryKey.Properties[0].Name));
        }
    }

    /// <summary>
    /// A complex or owned type with a member of its own type (or of a type that holds it) would be a document without
    /// end: EF Core leaves such a member unmapped, and its values would be silently lost. Refused unless ignored explicitly.
    /// </summary>
    private static void ValidateNoDocumentCycle(ITypeBase type, IReadOnlyList<Type> holders)
    {
        List<Type> chain = [.. holders, type.ClrType];
        if (type is IComplexType || (type is IEntityType owned && owned.IsOwned()))
        {
            foreach (var member in type.ClrType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var memberType = member.PropertyType == typeof(string)
                    ? member.PropertyType
                    : member.PropertyType.GetInterfaces().Append(member.PropertyType)
                        .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0]
                        ?? member.PropertyType;
                if (member.CanWrite
                    && type.FindMember(member.Name) == null
                    && (type as IConventionTypeBase)?.FindIgnoredConfigurationSource(member.Name) is null or ConfigurationSource.Convention
                    && chain.Any(holder => holder.IsAssignableFrom(memberType)))
                {
                    throw new InvalidOperationException(DynamoDbStrings.DocumentCycle(type.DisplayName(), member.Name));
                }
            }
        }

        foreach (var complexProperty in type.GetDeclaredComplexProperties())
        {
            ValidateNoDocumentCycle(complexProperty.ComplexType, chain);
        }

        if (type is IEntityType entityType)
        {
            foreach (var navigation in entityType.GetDeclaredNavigations().Where(DynamoDbOwnedKeys.IsOwnedNavigation))
            {
                ValidateNoDocumentCycle(navigation.TargetEntityType, chain);
            }
        }
    }

    private static void ValidateKey(IEntityType entityType)
    {
        var key = entityType.FindPrimaryKey()
            ?? throw new InvalidOperationException(DynamoDbStrings.MissingPartitionKey(entityType.DisplayName()));

        if (key.Properties.Count > 2)
        {
            throw new InvalidOperationException(
                DynamoDbStrings.KeyTooLong(entityType.DisplayName(), string.Join(", ", key.Properties.Select(p => p.Name))));
        }

        if (key.Properties.Concat(entityType.GetIndexes().Where(i => i.GetSecondaryIndexName() != null).SelectMany(i => i.Properties))
                .FirstOrDefault(p => System.Text.Encoding.UTF8.GetByteCount(p.GetAttributeName()) > DynamoDbServiceLimits.KeyAttributeNameBytes) is { } longName)
        {
            throw new InvalidOperationException(DynamoDbStrings.KeyAttributeNameTooLong(entityType.DisplayName(), longName.Name, DynamoDbServiceLimits.KeyAttributeNameBytes));
        }

        CheckKeyPart(entityType, DynamoDbAnnotationNames.PartitionKey, key.Properties[0]);
        CheckKeyPart(entityType, DynamoDbAnnotationNames.SortKey, key.Properties.Count > 1 ? key.Properties[1] : null);

        foreach (var property in key.Properties)
        {
            var mapping = property.FindTypeMapping() as DynamoDbTypeMapping;
            if (mapping == null || !mapping.Codec.IsKeyType)
            {
                throw new InvalidOperationException(
                    DynamoDbStrings.UnsupportedKeyType(entityType.DisplayName(), property.Name, property.ClrType.ShortDisplayName()));
            }

            if (mapping.Codec.AttributeType == DynamoDbAttributeType.Number
                && property.ValueGenerated != ValueGenerated.Never
                && property.GetValueGeneratorFactory() == null
                && !DynamoDbHiLo.UsesHiLo(property))
            {
                throw new InvalidOperationException(DynamoDbStrings.NumericKeyGeneration(entityType.DisplayName(), property.Name));
            }
        }
    }

    private static void CheckKeyPart(IEntityType entityType, string annotation, IProperty? keyProperty)
    {
        if (entityType[annotation] is string configured && configured != keyProperty?.Name)
        {
            throw new InvalidOperationException(DynamoDbStrings.KeyMismatch(
                entityType.DisplayName(),
                configured,
                string.Join(", ", entityType.FindPrimaryKey()!.Properties.Select(p => p.Name))));
        }
    }

    private static void ValidateSecondaryIndexes(IEntityType entityType)
    {
        var indexes = entityType.GetIndexes().Where(i => i.GetSecondaryIndexName() != null).ToList();
        var table = entityType.GetTableName()!;
        foreach (var index in indexes)
        {
            var name = index.GetSecondaryIndexName()!;
            if (index.Properties.Count is < 1 or > 2)
            {
                throw new InvalidOperationException(DynamoDbStrings.IndexKeyCount(entityType.DisplayName(), name, index.Properties.Count));
            }

            if (index.Properties.FirstOrDefault(p => p.FindTypeMapping() is not DynamoDbTypeMapping { Codec.IsKeyType: true }) is { } bad)
            {
                throw new InvalidOperationException(DynamoDbStrings.IndexKeyType(entityType.DisplayName(), name, bad.Name));
            }

            var partitionKey = entityType.FindPrimaryKey()!.Properties[0];
            if (index.GetSecondaryIndexType() == DynamoDbSecondaryIndexType.Local
                && (index.Properties.Count != 2 || index.Properties[0] != partitionKey))
            {
                throw new InvalidOperationException(DynamoDbStrings.LocalIndexPartitionKey(entityType.DisplayName(), name, partitionKey.Name));
            }
        }

        if (indexes.GroupBy(i => i.GetSecondaryIndexName()).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new InvalidOperationException(DynamoDbStrings.DuplicateIndexName(table, duplicate.Key!));
        }

        if (indexes.Count(i => i.GetSecondaryIndexType() == DynamoDbSecondaryIndexType.Global) > DynamoDbServiceLimits.GlobalIndexes)
        {
            throw new InvalidOperationException(DynamoDbStrings.TooManyIndexes(table, "global", DynamoDbServiceLimits.GlobalIndexes));
        }

        if (indexes.Count(i => i.GetSecondaryIndexType() == DynamoDbSecondaryIndexType.Local) > DynamoDbServiceLimits.LocalIndexes)
        {
            throw new InvalidOperationException(DynamoDbStrings.TooManyIndexes(table, "local", DynamoDbServiceLimits.LocalIndexes));
        }
    }

    private static void ValidateRowVersions(IEntityType entityType)
    {
        foreach (var property in entityType.GetProperties().Where(DynamoDbRowVersion.IsRowVersion))
        {
            if (!DynamoDbRowVersion.IsSupported(property.ClrType))
            {
                throw new InvalidOperationException(
                    DynamoDbStrings.RowVersionNotNumeric(entityType.DisplayName(), property.Name, property.ClrType.ShortDisplayName()));
            }
        }
    }

    /// <summary>
    /// Two members of one map (the item, a complex value, an owned entity) stored under one attribute name would
    /// overwrite each other: scalars by their attribute names, complex values and owned entities by their names.
    /// </summary>
    private static void ValidateAttributeNames(ITypeBase type)
    {
        var ownedNavigations = type is IEntityType entityType
            ? entityType.GetNavigations().Where(DynamoDbOwnedKeys.IsOwnedNavigation).ToList()
            : [];
        var duplicate = type.GetProperties().Where(p => !DynamoDbOwnedKeys.IsNotStored(p)).Select(p => (Attribute: p.GetAttributeName(), Member: p.Name))
            .Concat(type.GetComplexProperties().Select(c => (Attribute: c.Name, Member: c.Name)))
            .Concat(ownedNavigations.Select(n => (Attribute: n.Name, Member: n.Name)))
            .GroupBy(m => m.Attribute)
            .FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null)
        {
            throw new InvalidOperationException(DynamoDbStrings.DuplicateAttributeName(
                type.DisplayName(), duplicate.Key, string.Join(", ", duplicate.Select(m => m.Member))));
        }

        foreach (var complexProperty in type.GetComplexProperties())
        {
            ValidateAttributeNames(complexProperty.ComplexType);
        }

        foreach (var navigation in ownedNavigations)
        {
            ValidateAttributeNames(navigation.TargetEntityType);
        }
    }

    private static void ValidateSharedTables(IEnumerable<IEntityType> rootTypes)
    {
        foreach (var table in rootTypes.GroupBy(e => e.GetTableName()).Where(g => g.Count() > 1))
        {
            var first = table.First();
            if (table.Skip(1).FirstOrDefault(other => KeyShape(other) != KeyShape(first)) is { } second)
            {
                throw new InvalidOperationException(
                    DynamoDbStrings.SharedTableKeyMismatch(table.Key!, first.DisplayName(), KeyShape(first), second.DisplayName(), KeyShape(second)));
            }

            if (table.SelectMany(t => t.GetDerivedTypesInclusive()).GroupBy(t => t.GetDiscriminatorValue()).FirstOrDefault(g => g.Count() > 1) is { } clash)
            {
                throw new InvalidOperationException(DynamoDbStrings.SharedTableDiscriminatorClash(table.Key!, $"{clash.Key}", string.Join(", ", clash.Select(t => t.DisplayName()))));
            }
        }
    }

    private static string KeyShape(IEntityType entityType)
        => string.Join(", ", entityType.FindPrimaryKey()!.Properties.Select(
            p => p.GetAttributeName() + " " + ((DynamoDbTypeMapping)p.GetTypeMapping()).Codec.TypeDescriptor));
}
