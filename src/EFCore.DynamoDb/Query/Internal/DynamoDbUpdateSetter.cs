using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
/// One <c>SetProperty</c> of <c>ExecuteUpdate</c>: <c>SET #p = :v</c>, an atomic counter <c>SET #p = #p + :v</c>
/// (or <c>-</c>), or <c>REMOVE #p</c> when the value is null.
/// </summary>
internal sealed record DynamoDbUpdateSetter(IProperty Property, DynamoDbValueOperand Value, DynamoDbUpdateSetterKind Kind);
