using System.Linq.Expressions;

namespace EFCore.DynamoDb.Properties;

/// <summary>Every message the DynamoDB provider shows users, in one place. Each names what is at fault and what to do instead.</summary>
internal static partial class DynamoDbStrings
{
    // Configuration
    public static string InvalidServiceUrl(string? url)
        => $"'{url}' is not a valid DynamoDB service URL. Pass an absolute http or https URL, such as 'http://localhost:8000'.";

    public static string InvalidTableName(string resolved, string tableName, string prefix)
        => $"'{resolved}' (table '{tableName}' with prefix '{prefix}') is not a valid DynamoDB table name: it needs 3 to 255 characters from a-z, A-Z, 0-9, '_', '-' and '.'. Change ToTable(...) or TableNamePrefix(...).";

    public static string ClientWithClientOptions
        => "UseDynamoDb was given an IAmazonDynamoDB client and also ServiceUrl, Region, Credentials or ConfigureClient, which only configure clients the provider creates. Configure your client itself, or let the provider create it.";

    public static string RowVersionNotNumeric(string entityType, string property, string clrType)
        => $"The row version '{entityType}.{property}' is of type '{clrType}'. DynamoDB row versions are values the provider increments: use an int, long or ulong property with IsRowVersion(), or a byte[] with [Timestamp].";

    public static string ContinuationTokenKeyTooShort
        => "A continuation token key needs at least 16 bytes (32 random bytes recommended).";

    public static string NotDynamoDb
        => "This context does not use the DynamoDB provider: GetDynamoDbClient() and GenerateTableDefinitions() are only available after UseDynamoDb(...).";

    // Model
    public static string KeyPropertyNotFound(string property, string entityType)
        => $"The entity type '{entityType}' has no property '{property}' to use as a key.";

    public static string InvalidKeyPropertyExpression(LambdaExpression expression)
        => $"The expression '{expression}' is not a property access such as 'e => e.Email'; key properties must be properties of the entity type itself.";

    public static string ProjectionArguments(Microsoft.EntityFrameworkCore.DynamoDbProjectionType type)
        => $"Property names are only given with DynamoDbProjectionType.Include, not with {type}.";

    public static string IndexKeyCount(string entityType, string index, int count)
        => $"The secondary index '{index}' of '{entityType}' has {count} properties. A DynamoDB index key is a partition key and at most one sort key: give HasIndex one or two properties.";

    public static string IndexKeyType(string entityType, string index, string property)
        => $"The secondary index '{index}' of '{entityType}' has the key property '{property}', whose type a DynamoDB key cannot hold. Index keys must be strings, numbers or binary.";

    public static string LocalIndexPartitionKey(string entityType, string index, string partitionKey)
        => $"The local secondary index '{index}' of '{entityType}' must start with the table's partition key '{partitionKey}' and have a sort key: HasIndex(e => new {{ e.{partitionKey}, e.OtherProperty }}).IsLocalSecondaryIndex(\"{index}\").";

    public static string TooManyIndexes(string table, string type, int max)
        => $"The table '{table}' has more than {max} {type} secondary indexes, DynamoDB's limit.";

    public static string DuplicateIndexName(string table, string index)
        => $"The table '{table}' has two secondary indexes named '{index}'. Index names must be unique per table.";

    public static string TimeToLiveType(string entityType, string property)
        => $"The time-to-live property '{entityType}.{property}' must be a DateTime, DateTimeOffset, long or int: DynamoDB expires items by epoch seconds.";

    public static string ProvisionedWithoutThroughput(string entityType)
        => $"The table of '{entityType}' is provisioned but has no capacity: call HasProvisionedThroughput(read, write), or use DynamoDbBillingMode.PayPerRequest.";

    public static string MissingPartitionKey(string entityType)
        => $"The entity type '{entityType}' has no partition key. Configure one with HasPartitionKey(e => e.Property) or [PartitionKey], or name a property 'Id' or '{entityType}Id'.";

    public static string KeyTooLong(string entityType, string properties)
        => $"The entity type '{entityType}' has a key of more than two properties ({properties}). A DynamoDB key is a partition key and at most one sort key: build a composite attribute (for example with a value converter) instead.";

    public static string KeyMismatch(string entityType, string configured, string keyProperties)
        => $"The entity type '{entityType}' configures '{configured}' as a key attribute, but its primary key is ({keyProperties}). Remove the conflicting HasKey(...), or configure the key only with HasPartitionKey/HasSortKey.";

    public static string UnsupportedKeyType(string entityType, string property, string clrType)
        => $"The key property '{entityType}.{property}' is of type '{clrType}', which a DynamoDB key cannot hold. Key attributes must be strings, numbers or binary: use such a type, or add a value converter to one.";

    public static string OwnedEntityKey
        => "(that of its owner's item)";

    public static string RequiredValueMissing(string entityType, string key, string property)
        => $"The '{entityType}' with key {key} has no value for the required property '{property}'. DynamoDB has no schema to refuse it, so the provider does: nothing was sent. Set a value, or make the property optional (nullable).";

    public static string MaxLengthExceeded(string entityType, string key, string property, int length, int maxLength)
        => $"The value of '{entityType}.{property}' (key {key}) is {length} long, more than its maximum length of {maxLength}. DynamoDB has no schema to refuse it, so the provider does: nothing was sent.";

    public static string HiLoBlockSize
        => "A hi-lo block reserves at least one value.";

    public static string NumericKeyGeneration(string entityType, string property)
        => $"The key property '{entityType}.{property}' is numeric and configured to have its values generated, but DynamoDB cannot generate keys and the provider's hi-lo generator only serves integer keys without a value converter. Call ValueGeneratedNever() and set the values yourself, use an int or long key (hi-lo), or a Guid key, which EF Core generates on the client.";

    public static string DuplicateAttributeName(string entityType, string attributeName, string properties)
        => $"The properties {properties} of '{entityType}' are all mapped to the attribute '{attributeName}'. Give each property its own attribute name with HasAttributeName(...).";

    public static string SharedTableKeyMismatch(string table, string first, string firstKey, string second, string secondKey)
        => $"The entity types '{first}' and '{second}' share the table '{table}' but have different keys ({firstKey} and {secondKey}). Every entity type in one table must use the same key attribute names and types.";

    public static string SharedTableDiscriminatorClash(string table, string value, string entityTypes)
        => $"The entity types {entityTypes} share the table '{table}' with the same discriminator value '{value}'. Give each its own value with HasDiscriminator(...).HasValue(...).";

    public static string PrincipalKeyNotServable(string dependent, string principal, string principalKey, string partitionKey)
        => $"The relationship from '{dependent}' to '{principal}' uses the principal key ({principalKey}), which is neither the primary key of '{principal}' nor its partition key '{partitionKey}'. DynamoDB can only find an item by its key: relate through the primary key, or through the partition key with HasPrincipalKey(x => x.{partitionKey}) (an item collection).";

    public static string RelatedTypeWithoutKey(string navigation, string entityType)
        => $"The relationship of '{navigation}' involves '{entityType}', which has no key: DynamoDB items are found by their key. Give '{entityType}' a key, or, if '{navigation}' is meant as a collection of values, use a type the provider stores as an attribute (or Ignore it).";

    public static string OwnedTypeInRelationship(string dependent, string principal, string owned)
        => $"The relationship between '{dependent}' and '{principal}' involves the owned type '{owned}'. Owned entities are stored inside their owner's item and cannot be related to other entity types: relate the owner instead, or map '{owned}' as an entity type of its own.";

    // Relationships
    public static string NavigationInQuery(string entityType, string navigation, string target, string query)
        => $"The query '{query}' uses the navigation '{entityType}.{navigation}' in a filter, ordering or projection, which needs a join: DynamoDB reads one table per request. Query the '{target}' items by their own key or index, load them with Include(x => x.{navigation}), or store a copy of the attribute you need on '{entityType}'.";

    public static string OperatorAfterSelectMany(string method, string query)
        => $"The query '{query}' applies '{method}' to the related items of a navigation (SelectMany(x => x.Navigation)). They are read by key after the main read, so nothing can be applied to them: filter the main query, or use a filtered Include.";

    public static string IncludeQueryFilterWithContext(string navigation, string entityType)
        => $"The include of '{navigation}' would apply the query filter of '{entityType}', which reads members of the DbContext: the provider cannot bind them in the follow-up read yet. Load the related entities with their own query (which applies the filter), or add IgnoreQueryFilters().";

    public static string ExecuteDeleteOfPrincipal(string entityType, string relationship, string deleteBehavior)
        => $"ExecuteDelete cannot delete '{entityType}' items: the dependents of '{relationship}' (DeleteBehavior.{deleteBehavior}) would be left behind, since DynamoDB has no foreign keys to act on them. Remove the entities and call SaveChanges, which finds and {(deleteBehavior == "Cascade" ? "deletes" : "unlinks")} the dependents in the same transaction, or configure DeleteBehavior.ClientSetNull or ClientNoAction if they may stay.";

    public static string IncludeWithProjection(string query)
        => $"The query '{query}' includes related entities and projects its results (Select). The related items are read by follow-up requests for the entities a query returns: return the entities with their includes, then project in memory (AsEnumerable().Select(...)).";

    public static string InvalidInclude(string expression)
        => $"The include '{expression}' is not a navigation path. Write Include(x => x.Navigation), optionally filtered (x => x.Items.Where(...).OrderBy(...).Take(n)), then ThenInclude(y => y.Next).";

    public static string IncludeNotNavigation(string entityType, string member)
        => $"'{member}' is not a navigation of '{entityType}' or of its derived types, so it cannot be included.";

    public static string IncludeFilteredTwice(string entityType, string navigation)
        => $"The navigation '{entityType}.{navigation}' is included with a filter more than once. Give its filter (Where, OrderBy, Take) in one Include only.";

    public static string RelatedReadNeedsIndex(string navigation, string target, string keyProperties, string indexExample, string query)
        => $"Following '{navigation}' needs the '{target}' items whose {keyProperties} match, but neither the key of '{target}' nor a secondary index starts with {keyProperties}, so only a full-table Scan could find them (query: '{query}'). Add an index, e.g. {indexExample}, make {keyProperties} the partition key of '{target}', or allow the scan with AllowScan() or ScanBehavior(DynamoDbScanBehavior.Allow).";

    public static string LimitedIncludeNeedsIndex(string navigation, string target, string keyProperties, string indexExample)
        => $"The filtered include of '{navigation}' orders or limits the '{target}' items of each owner, which needs a key or index that starts with {keyProperties}: neither the key of '{target}' nor a secondary index does, and one scan for all owners cannot order or limit per owner. Add an index, e.g. {indexExample}, or include without OrderBy and Take.";

    /// <summary>
    /// How to declare an index on a property: by lambda on a CLR property, by name on a shadow or indexer property, and
    /// inside <c>UsingEntity</c> on a many-to-many join type.
    /// </summary>
    public static string IndexExample(string property, bool byName, bool joinType)
    {
        var index = $"IsGlobalSecondaryIndex(\"by-{InvalidIndexNameCharacters().Replace(property.ToLowerInvariant(), "")}\")";
        var hasIndex = byName ? $"HasIndex(\"{property}\")" : $"HasIndex(x => x.{property})";
        return joinType ? $"UsingEntity(j => j.{hasIndex}.{index}) on the many-to-many relationship" : $"{hasIndex}.{index}";
    }

    [System.Text.RegularExpressions.GeneratedRegex("[^a-z0-9_.-]")]
    private static partial System.Text.RegularExpressions.Regex InvalidIndexNameCharacters();

    public static string RelatedReadByKeys(string navigation, string table, int keysPerRequest)
        => $"-- Then '{navigation}': BatchGetItem on {table} of the distinct keys ({keysPerRequest} keys per request)";

    public static string RelatedReadByQuery(string navigation)
        => $"-- Then '{navigation}': one request per distinct key (in parallel), like:";

    public static string RelatedReadWithOwners(string navigation)
        => $"-- Then '{navigation}': no request; read by the request above (item collection: same partition)";

    public static string RelatedReadByScan(string navigation)
        => $"-- Then '{navigation}': one Scan, matched on the client:";

    public static string CascadeDescription(string principal, string dependent)
        => $"the {dependent} items of a deleted {principal}";

    public static string DependentsThrough(int count, string relationship)
        => $"{count} through {relationship}";

    public static string CascadeTooLarge(string relationships, int dependents, int writes, int maxWrites)
        => $"This save deletes entities whose {dependents} dependent items are not loaded ({relationships}): with them it has {writes} writes, more than one DynamoDB transaction holds ({maxWrites} writes, 4 MB), so it could not be applied all or nothing. Nothing was written. Delete the dependents in smaller saves first, or choose bulk mode (context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never) to write them without a transaction (each still conditioned on its foreign key).";

    public static string FilteredIncludeOfSkipNavigation(string navigation)
        => $"The many-to-many navigation '{navigation}' is included with a filter. Its related items are read by key (BatchGetItem), which cannot filter, order or limit: include it without a filter and filter the results in memory.";

    public static string FilteredIncludeNotTranslated(string navigation, string details)
        => $"The filtered include of '{navigation}' cannot be translated: {details}";

    public static string FilteredIncludeOperator(string method, string argument)
        => $"'{method}({argument})' is not supported in a filtered include. DynamoDB can filter (Where), order by a sort key (OrderBy, OrderByDescending) and stop after a number of items (Take, after the other operators).";

    // Values
    public static string UnexpectedAttributeType(string expected, string actual)
        => $"A stored attribute of type {actual} was read where type {expected} was expected. The item was probably written by another tool with another type for this attribute.";

    public static string NumberOutOfRange(object value)
        => $"The number {value} cannot be stored: DynamoDB numbers have magnitudes from 1E-130 to 9.99E+125 (or are 0). Scale the value, or store it as a string.";

    public static string InvalidUtf16(int position)
        => $"The string cannot be stored: it holds a lone surrogate at position {position}, which is not valid UTF-16 and would be replaced by U+FFFD in DynamoDB's UTF-8.";

    public static string ComplexConcurrencyToken(string complexType, string property)
        => $"The property '{complexType}.{property}' of a complex type is a concurrency token. The provider checks concurrency tokens of the entity's item only: put the token (or IsRowVersion()) on the entity type itself.";

    public static string KeyAttributeNameTooLong(string entityType, string property, int limit)
        => $"The key attribute of '{entityType}.{property}' has a name longer than DynamoDB's limit of {limit} bytes for key attribute names. Give it a shorter name with HasAttributeName(...).";

    public static string DuplicateSetElement
        => "The set cannot be stored: two of its elements are the same once stored (byte arrays with equal contents, or values a converter stores alike), and a DynamoDB set holds each value once.";

    public static string EmptyMapKey
        => "A dictionary with an empty key cannot be stored: DynamoDB map keys are attribute names, which are at least one character long.";

    public static string KeyValueTooLong(string entityType, string property, int size, int limit, bool isPartitionKey)
        => $"The key '{entityType}.{property}' is {size} bytes long, more than DynamoDB's limit of {limit} bytes for a {(isPartitionKey ? "partition" : "sort")} key value. Nothing was sent.";

    public static string NonFiniteNumber(object value)
        => $"The number {value} cannot be stored: DynamoDB numbers are finite (no NaN or infinity).";

    public static string InvalidPropertyValue(string entityType, string property, string reason)
        => $"The value of '{entityType}.{property}' cannot be stored: {reason}";

    public static string OwnedEntityWithoutOwner(string entityType)
        => $"An entity of the owned type '{entityType}' is tracked without its owner. Owned entities are stored inside their owner's item: attach or add the owner with them.";

    public static string OwnedEntityProjectedWithTracking(string entityType)
        => $"The query projects the owned entity type '{entityType}' without its owner, and owned entities are tracked only with their owner. Project the owner, or make the query non-tracking with 'AsNoTracking()'.";

    public static string DocumentCycle(string type, string property)
        => $"The property '{type}.{property}' holds a value of the type that contains it: a document cannot contain itself, and EF Core leaves the property unmapped, so its values would be lost. Remove the cycle, or ignore the property explicitly with 'Ignore'.";

    public static string OwnedConcurrencyToken(string entityType, string property)
        => $"The property '{entityType}.{property}' of an owned type is a concurrency token. Owned entities are written with their owner's item, which is what a concurrency check guards: put the token (or row version) on the owner.";

    public static string NullComplexElement(string type, string property)
        => $"The complex collection '{type}.{property}' holds a null element. Elements of complex collections are stored as maps and cannot be null: remove the null element.";

    public static string NullSetElement
        => "A set holds a null element: DynamoDB sets (SS, NS, BS) cannot contain null. Remove the null before saving.";

    public static string EmptyKeyValue(string entityType, string property)
        => $"The key property '{entityType}.{property}' is null or empty. DynamoDB keys must have a value; set it before saving.";

    // Queries
    public static string UnsupportedFilter(string expression, string hint)
        => $"The condition '{expression}' cannot be translated to a DynamoDB condition expression. {hint}";

    public static string SupportedConditionsHint
        => "Supported: comparisons (==, !=, <, <=, >, >=) of a mapped property with a constant, a variable or another property, combined with &&, || and !; StartsWith, Contains, IsNullOrEmpty, HasValue, ??, ?:, Count and Length.";

    public static string CaseInsensitiveHint
        => "DynamoDB compares strings exactly, byte by byte, and cannot change an attribute's case: store a normalised copy of the attribute (for example a lower-case property set when saving) and compare it with a normalised value, or use StartsWith on it.";

    public static string EndsWithHint
        => "DynamoDB has no ends-with test: store the value reversed and use StartsWith on it, or Contains if any position will do.";

    public static string ComputedAttributeHint
        => "DynamoDB conditions cannot compute on an attribute (no arithmetic, no casts that change values such as (int)x.Price, and no string functions besides begins_with, contains and size): compare the attribute itself with a value computed on the client (x.Price > limit - 1 rather than x.Price + 1 > limit), or store the computed value as its own property.";

    public static string DatePartHint
        => "DynamoDB cannot take a part of a stored date: compare the whole date with a range (x.At >= new DateTime(2025, 1, 1) && x.At < new DateTime(2026, 1, 1)), or store the part as its own property.";

    public static string UncomparableValue(string attribute, string attributeType, string valueType)
        => $"A value of type '{valueType}' cannot be compared with '{attribute}', whose values are of type '{attributeType}': no conversion turns one into the other. Compare with a value of the property's type.";

    public static string WhereAfterTake
        => "A Where after Take or Skip cannot be translated: DynamoDB filters before it counts results. Apply Where before Take and Skip.";

    public static string OrderingAfterPaging
        => "An OrderBy after Take or Skip cannot be translated: DynamoDB orders before it counts results. Apply OrderBy before Take and Skip.";

    public static string OrderingNotOnSortKey(string entityType, string keySelector)
        => $"The ordering '{keySelector}' cannot be translated: DynamoDB returns the items of a partition only in the order of the sort key of '{entityType}'. Order by the sort key, or sort the results in memory after ToList().";

    public static string OrderingNeedsPartitionKey(string entityType, string query)
        => $"The query '{query}' orders '{entityType}' by its sort key without fixing the partition key. DynamoDB orders items only within one partition: add a condition 'partition key == value'.";

    public static string KeyAttributeInQueryFilter(string entityType, string query)
        => $"The query '{query}' on '{entityType}' fixes the partition key but has another condition on a key attribute that DynamoDB cannot use in a Query (a key condition allows one equality on the partition key and one equality, bound, BETWEEN or begins_with on the sort key). Move that condition into a separate query, or filter in memory after ToList().";

    public static string SeveralPartitionsOrderedOrPaged(string entityType, string query)
        => $"The query '{query}' reads several partitions of '{entityType}' (partition key IN a list) and orders or pages them. DynamoDB orders and pages within one partition: query each partition on its own.";

    public static string HiLoNotSupported(string entityType, string property, string type)
        => $"UseHiLo was called on '{entityType}.{property}' ({type}), which a hi-lo sequence cannot generate. It generates short, int and long values (and their unsigned kinds) on add, for properties without a value converter or value generator of their own, declared on an entity type that is neither owned nor derived. Remove UseHiLo, or use it on such a property.";

    public static string SeveralSortKeysOrderedOrPaged(string entityType, string sortKey, string query)
        => $"The query '{query}' reads a list of '{entityType}.{sortKey}' values (sort key IN a list) and orders or pages them. Such a read returns the items in the order of the list: drop the OrderBy or ToPageAsync, or query a range of the sort key instead.";

    public static string UnsupportedSortKeyConditions(string entityType, string sortKey, string query)
        => $"The query '{query}' has several conditions on the sort key '{entityType}.{sortKey}'. A DynamoDB key condition takes one comparison, or one lower and one upper bound (sent as BETWEEN). Combine bounds on the same side into one on the client (the larger of two lower bounds), or check the others after reading.";

    public static string OperatorNotSupported(string method)
        => $"DynamoDB cannot answer '{method}' on the server: it has no joins, grouping, aggregates or set operations. Query the items you need, then apply '{method}' in memory after ToList().";

    public static string SubqueriesNotSupported
        => "Subqueries cannot be translated: DynamoDB queries read one table at a time. Run the inner query first and pass its results as values.";

    public static string PagingNeedsDynamoDbQuery
        => "ToPageAsync works on queries of a DynamoDB DbContext (a DbSet and LINQ operators on it).";

    public static string PagingWithSkipOrTake(string query)
        => $"The query '{query}' combines ToPageAsync with Skip, Take, First, Single or an aggregate. A page is sized by ToPageAsync's pageSize and continued with its token: remove the other operators.";

    public static string InvalidContinuationToken
        => "The continuation token is not valid: it was changed, truncated, or not issued by this provider. Pass the ContinuationToken of the previous page of the same query, or null for the first page.";

    public static string ForeignContinuationToken
        => "The continuation token belongs to another query (another table, condition or values). A token only continues the query it came from.";

    public static string UnsupportedPartiQLValue(string type)
        => $"A value of type '{type}' cannot be a PartiQL parameter: use a string, number, bool, byte[], Guid, date or enum value.";

    public static string DerivedTypeTable(string entityType, string? table, string rootType, string? rootTable)
        => $"'{entityType}' is mapped to table '{table}', but DynamoDB stores a hierarchy in the table of its root type '{rootType}' ('{rootTable}'), told apart by the discriminator. Remove the table name ([Table], [DynamoDbTable] or ToTable) from '{entityType}'.";

    public static string PartiQLOtherTable(string entityType, string? statementTable, string tableName)
        => (statementTable == null
                ? $"The FromPartiQL statement on '{entityType}' names no table after FROM"
                : $"The FromPartiQL statement on '{entityType}' reads table '{statementTable}', but '{entityType}' is mapped to table '{tableName}'")
            + $": write SELECT ... FROM \"{tableName}\" (table names are case-sensitive; the context's table prefix is added when the statement is sent).";

    public static string FromSqlNotSupported(string entityType, string? tableName)
        => $"FromSql, FromSqlRaw and FromSqlInterpolated on '{entityType}' send SQL, which DynamoDB does not run: write the query in LINQ, or as a PartiQL statement with FromPartiQL($\"SELECT * FROM \\\"{tableName}\\\" WHERE ...\").";

    public static string PartiQLComposition(string method)
        => $"'{method}' cannot follow FromPartiQL: write it into the PartiQL statement instead. Only Select, Take, First, Single and AsNoTracking compose with FromPartiQL.";

    public static string UnknownIndex(string entityType, string index)
        => $"WithIndex(\"{index}\"): '{entityType}' has no secondary index of that name. Declare it with HasIndex(...).IsGlobalSecondaryIndex(\"{index}\") or IsLocalSecondaryIndex.";

    public static string IndexNeedsPartitionKey(string index, string property, string query)
        => $"The query '{query}' names the index '{index}' but does not fix its partition key '{property}' with an equality.";

    public static string IndexDoesNotProject(string index, string attributes, string query)
        => $"The query '{query}' filters on {attributes}, which the index '{index}' does not hold, so the index cannot evaluate the filter. Project those attributes into the index (DynamoDbProjectionType.All or Include), or query another way.";

    public static string ConsistentReadOnGlobalIndex(string index)
        => $"Global secondary indexes such as '{index}' offer no consistent reads: remove WithConsistentRead() (or ConsistentReads()) for this query, or query the table or a local index.";

    public static string UnprocessedKeys(string table, int attempts)
        => $"DynamoDB left keys of '{table}' unprocessed after {attempts} BatchGetItem attempts (throttling). Retry the query later, or raise the table's read capacity.";

    public static string UnprocessedWrites(int count, int attempts)
        => $"DynamoDB left {count} writes unprocessed after {attempts} BatchWriteItem attempts (throttling). They were not written.";

    public static string BatchSaveFailed(int notWritten, int total, string reason)
        => $"{notWritten} of the {total} writes of this SaveChanges (AutoTransactionBehavior.Never) were not written: {reason} The writes that succeeded are stored and their entries accepted; the failed entries keep their state, so SaveChanges can be called again.";

    public static string NullCounterIncrement(string entityType, string property)
        => $"ExecuteUpdate adds null to '{entityType}.{property}': an increment needs a value.";

    public static string UnsupportedSetter(string setter)
        => $"The ExecuteUpdate setter '{setter}' cannot be translated. DynamoDB can set a property to a constant, variable or client value, add or subtract one (x => x.Count + n, an atomic counter), or remove it (null); key properties cannot change.";

    public static string ScanSegmentsWithoutScan(string entityType, string query)
        => $"The query '{query}' on '{entityType}' uses WithParallelScan or WithScanSegment, but it does not read by Scan: it fixes a key, so it is a GetItem or Query (or it is a FromPartiQL statement). Scan segments divide full-table scans only: remove the call.";

    public static string ParallelScanPaged(string query)
        => $"The query '{query}' combines ToPageAsync with WithParallelScan: one continuation token cannot resume several segments. Page one segment at a time with WithScanSegment, or read the parallel scan whole.";

    public static string RateLimitMustBePositive
        => "The read rate limit must be a positive number of read capacity units per second.";

    public static string RateLimitNeedsConsumedCapacity(string table, string endpoint)
        => $"A rate-limited read of '{table}' got no consumed capacity from {endpoint}, so it cannot hold its rate. Use an endpoint that reports ConsumedCapacity, or call AllowRateLimitWithoutConsumedCapacity() in UseDynamoDb to pace by an estimate from item sizes.";

    public static string RateLimitedReadThrottled(string table, int attempts)
        => $"A rate-limited read of '{table}' stopped after {attempts} consecutive throttled requests. Lower its rate (WithReadRateLimit) or raise the table's read capacity.";

    public static string RateLimitedReadTimedOut(string table, TimeSpan timeout, long items)
        => $"A rate-limited read of '{table}' stopped after its timeout of {timeout} with {items} items read. Raise the rate or the timeout given to WithReadRateLimit.";

    public static string NotAnEntityTypeWithTable(string type)
        => $"'{type}' is not an entity type of this context's model with a table of its own (owned types are stored in their owner's items).";

    public static string ImportLineWithoutItem(long line)
        => $"Line {line} is not an object with an \"Item\" property, as DynamoDB's JSON export writes each item.";

    public static string ImportLineNotJson(long line, string error)
        => $"Line {line} is not JSON: {error}";

    public static string ImportValueNotTyped(long line, string value)
        => $"Line {line} holds a value that is not one of DynamoDB's typed values (S, N, B, BOOL, NULL, SS, NS, BS, L, M): {value}";

    public static string ImportLineWithoutKey(long line, string attribute)
        => $"Line {line} has no key attribute '{attribute}' of type S, N or B.";

    public static string ImportLineRefused(string table, long written, string reason)
        => $"The import into '{table}' stopped after {written} items were written: {reason}";

    public static string ImportWriteFailed(string table, long written, string reason)
        => $"The import into '{table}' stopped after {written} items were written, because a BatchWriteItem failed: {reason} Importing the same input again overwrites the items already written.";

    public static string ImportCanceled(string table, long written, int inFlight)
        => $"The import into '{table}' was canceled after {written} items were written; up to {inFlight} more, in requests in flight, may have been written too. Importing the same input again overwrites them.";

    public static string SparseIndexSkipped(string index, string entityType, string property)
        => $"The index '{index}' was not used: it holds only the '{entityType}' items that have '{property}', and the query would also return items without it. Require it in the query (x.{property} != null), make '{property}' required, or read through the index anyway with WithIndex(\"{index}\").";

    public static string LastNeedsOrdering(string entityType)
        => $"'Last' needs the items of '{entityType}' in a known order, with nothing skipped or taken before it: DynamoDB finds the last item by reading a partition backwards. Order by the sort key first (OrderBy(x => x.SortKey).Last()), or write OrderByDescending(x => x.SortKey).First().";

    public static string IndexLacksNullKeys(string index, string entityType, string property)
        => $"The index '{index}' was not used: it holds only the '{entityType}' items that have '{property}', so it cannot find those without it.";

    public static string RelatedReadSkippedIndex(string index, string entityType, string property)
        => $"The index '{index}' was not used: it holds only the '{entityType}' items that have '{property}', and related items may lack it. Make '{property}' required, or add an index on the foreign key alone.";

    public static string NullIndexKeyValue(string entityType, string property, string index, string query)
        => $"The query '{query}' reads '{entityType}' through the index '{index}' and compares its key '{property}' with null in this execution (a null value, or a null among the values), but the index holds no item without '{property}'. Find those items with a query of their own that compares with null as written (x.{property} == null, planned without the index), leave null out of the values, or read without WithIndex.";

    public static string ScanRefused(string table, string query)
        => $"The query '{query}' needs a full-table Scan of '{table}', and ScanBehavior is Throw. Add a condition on the partition key, call AllowScan() on this query to accept the scan, or configure ScanBehavior(DynamoDbScanBehavior.Warn).";

    // Requests and saving
    public static string TableNotFound(string operation, string table, string endpoint)
        => $"The DynamoDB {operation} request failed: the table '{table}' does not exist at {endpoint}. Create it with context.Database.EnsureCreated() (or your infrastructure as code), or check the table name prefix.";

    public static string ConnectionFailed(string reason)
        => $"No connection could be made after {Storage.DynamoDbRetryCaps.ConnectAttempts} attempts: {reason}";

    public static string NotDynamoDbAnswer(string operation, string table, string endpoint, string status, string reason)
        => $"The DynamoDB {operation} request{(table.Length > 0 ? $" for table '{table}'" : "")} got an answer from {endpoint} that is not DynamoDB's ({status}, without a DynamoDB error code: {reason}). Check that the endpoint is a DynamoDB endpoint (ServiceUrl, AWS_ENDPOINT_URL_DYNAMODB).";

    public static string AnswerWithoutErrorCode(string operation, string table, string endpoint, string status, string reason)
        => $"The DynamoDB {operation} request{(table.Length > 0 ? $" for table '{table}'" : "")} to {endpoint} failed with {status} and no DynamoDB error code, after the AWS SDK's retries: {reason}";

    public static string RequestNotSent(string operation, string table, string endpoint, string reason)
        => $"The DynamoDB {operation} request{(table.Length > 0 ? $" for table '{table}'" : "")} to {endpoint} could not be sent: {reason}"
            + (reason.Contains("credentials", StringComparison.OrdinalIgnoreCase)
                ? " Give the provider credentials (UseDynamoDb(d => d.Credentials(...)), environment variables or an AWS profile); DynamoDB Local accepts any, such as new BasicAWSCredentials(\"local\", \"local\")."
                : "");

    public static string NoAnswer(TimeSpan timeout)
        => $"The endpoint sent no answer within {timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s (the client's Timeout); the request was not sent again, and a write may or may not have been applied.";

    public static string EndpointUnreachable(string operation, string table, string endpoint, string reason)
        => $"The DynamoDB {operation} request{(table.Length > 0 ? $" for table '{table}'" : "")} could not reach {endpoint}: {reason} Check that the endpoint is running and reachable, or adjust its timeouts with ConfigureClient(...).";

    public static string DuplicateKey(string entityType, string key)
        => $"Cannot insert '{entityType}' with key {key}: an item with this key already exists in its table.";

    public static string ItemMissingOrChanged(string entityType, string key)
        => $"The item of '{entityType}' with key {key} was not written: it no longer exists, or a concurrency token changed since it was read. Reload the entity and try again.";

    public static string WriteFailed(string entityType, string key, string errorCode, string reason)
        => $"Writing '{entityType}' with key {key} failed with {errorCode}: {reason}";

    public static string TooManyWritesForOneTransaction(int writes, int max, long bytes)
        => $"SaveChanges has {writes} writes ({bytes} bytes), but one DynamoDB transaction holds at most {max} writes and 4 MB, and AutoTransactionBehavior is Always. Nothing was sent. Save in smaller groups, or use AutoTransactionBehavior.WhenNeeded to split the save (not atomic as a whole).";

    public static string ItemTooLarge(string entityType, string key, long size)
        => $"The item of '{entityType}' with key {key} is {size} bytes, over DynamoDB's limit of 400 KB. Nothing was sent. Store large values elsewhere (for example in S3) and keep a reference.";

    public static string TwoWritesToOneItem(string entityTypes, string key, string table)
        => $"This SaveChanges writes the item with key {key} in table '{table}' twice ({entityTypes}). DynamoDB accepts one write per item in a transaction or batch: save them separately. Nothing was sent.";

    public static string TransactionNotApplied
        => "The transaction holding this write was cancelled: none of its writes were applied.";

    public static string TransactionCanceled(string reasons)
        => $"The DynamoDB transaction of this SaveChanges was cancelled and none of its writes were applied. Cancellation reasons, in write order: {reasons}.";

    public static string PartialSave(int applied, int total)
        => $"{applied} of the {total} writes of this SaveChanges were applied before this failure and are stored; the rest were not sent.";

    public static string TableWaitTimedOut(string table, TimeSpan timeout)
        => $"The table '{table}' did not reach the expected state within {timeout.TotalMinutes} minutes.";

    public static string TransactionsNotSupported
        => "DynamoDB has no user transactions: BeginTransaction, Commit and Rollback are not supported. One SaveChanges of several writes is already atomic (one TransactWriteItems, up to 100 writes): make the changes that belong together in one SaveChanges.";
}
