using Microsoft.EntityFrameworkCore;

using EFCore.DynamoDb.Metadata;

namespace EFCore.DynamoDb.Tests;

public class ModelValidationTests
{
    private static InvalidOperationException BuildFails(Action<ModelBuilder> build)
    {
        using var context = new ModelContext(build);
        return Assert.Throws<InvalidOperationException>(() => context.Model);
    }

    [Fact]
    public void Conventional_Id_key_is_the_partition_key()
    {
        using var context = new ModelContext(b => b.Entity<Account>());
        var entityType = context.Model.FindEntityType(typeof(Account))!;
        Assert.Equal("Id", entityType.GetPartitionKeyPropertyName());
        Assert.Null(entityType.GetSortKeyPropertyName());
        Assert.Equal("Account", entityType.GetTableName());
    }

    [Fact]
    public void HasPartitionKey_and_HasSortKey_define_the_primary_key_partition_key_first()
    {
        using var context = new ModelContext(b => b.Entity<Account>(e =>
        {
            e.HasSortKey(a => a.CreatedAt);
            e.HasPartitionKey(a => a.Email);
            e.ToTable("accounts");
        }));
        var entityType = context.Model.FindEntityType(typeof(Account))!;
        Assert.Equal(["Email", "CreatedAt"], entityType.FindPrimaryKey()!.Properties.Select(p => p.Name));
        Assert.Equal("accounts", entityType.GetTableName());
    }

    [Fact]
    public void Data_annotations_configure_table_and_keys()
    {
        using var context = new ModelContext(b => b.Entity<AnnotatedItem>());
        var entityType = context.Model.FindEntityType(typeof(AnnotatedItem))!;
        Assert.Equal("annotated_items", entityType.GetTableName());
        Assert.Equal(["Tenant", "Sequence"], entityType.FindPrimaryKey()!.Properties.Select(p => p.Name));
    }

    [Fact]
    public void Table_and_Column_attributes_of_a_SQL_Server_model_name_the_table_and_attributes()
    {
        using var context = new ModelContext(b => b.Entity<SqlServerAnnotatedPerson>());
        var entityType = context.Model.FindEntityType(typeof(SqlServerAnnotatedPerson))!;
        Assert.Equal("Person", entityType.GetTableName());
        Assert.Equal("FirstName", entityType.FindProperty(nameof(SqlServerAnnotatedPerson.FirstMidName))!.GetAttributeName());
        Assert.Equal("LastName", entityType.FindProperty(nameof(SqlServerAnnotatedPerson.LastName))!.GetAttributeName());
    }

    [Fact]
    public void DynamoDbTable_and_fluent_configuration_win_over_Table_and_Column()
    {
        using var context = new ModelContext(b =>
        {
            b.Entity<DoublyAnnotatedItem>();
            b.Entity<SqlServerAnnotatedPerson>(e =>
            {
                e.ToTable("people");
                e.Property(p => p.FirstMidName).HasAttributeName("first");
            });
        });
        Assert.Equal("dynamo_name", context.Model.FindEntityType(typeof(DoublyAnnotatedItem))!.GetTableName());
        var person = context.Model.FindEntityType(typeof(SqlServerAnnotatedPerson))!;
        Assert.Equal("people", person.GetTableName());
        Assert.Equal("first", person.FindProperty(nameof(SqlServerAnnotatedPerson.FirstMidName))!.GetAttributeName());
    }

    [Fact]
    public void A_derived_type_with_a_table_of_its_own_is_refused_naming_both_tables()
    {
        var exception = BuildFails(b => b.Entity<StudentEnrollee>().HasBaseType<Enrollee>());
        Assert.Contains("'StudentEnrollee' is mapped to table 'Students'", exception.Message);
        Assert.Contains("root type 'Enrollee' ('Enrollee')", exception.Message);
    }

    [Fact]
    public void A_derived_type_whose_attribute_name_is_its_base_types_is_refused()
    {
        var exception = BuildFails(b => b.Entity<AliasedEnrollee>().HasBaseType<Enrollee>());
        Assert.Contains("Email", exception.Message);
        Assert.Contains("AliasedEnrollee", exception.Message);
    }

    [Fact]
    public void A_derived_type_follows_its_root_when_the_root_table_is_renamed()
    {
        using var context = new ModelContext(b =>
        {
            b.Entity<Vehicle>().ToTable("cars");
            b.Entity<Truck>();
        });
        Assert.Equal("cars", context.Model.FindEntityType(typeof(Truck))!.GetTableName());
    }

    [Fact]
    public void HasKey_alone_gives_partition_and_sort_key()
    {
        using var context = new ModelContext(b => b.Entity<Account>().HasKey(a => new { a.Region, a.Email }));
        var entityType = context.Model.FindEntityType(typeof(Account))!;
        Assert.Equal("Region", entityType.GetPartitionKeyPropertyName());
        Assert.Equal("Email", entityType.GetSortKeyPropertyName());
    }

    [Fact]
    public void A_concurrency_token_inside_a_complex_type_is_refused_naming_it()
    {
        var exception = BuildFails(b => b.Entity<WithComplexToken>().ComplexProperty(w => w.Stamp, s => s.Property(p => p.Version).IsConcurrencyToken()));
        Assert.Contains(".Version'", exception.Message);
        Assert.Contains("entity type itself", exception.Message);
    }

    [Fact]
    public void A_key_attribute_name_over_255_bytes_is_refused_naming_the_property()
    {
        var exception = BuildFails(b => b.Entity<Account>().Property(a => a.Id).HasAttributeName(new string('k', 256)));
        Assert.Contains("'Account.Id'", exception.Message);
        Assert.Contains("255 bytes", exception.Message);
    }

    [Fact]
    public void A_generic_type_without_a_DbSet_gets_a_valid_table_name()
    {
        using var context = new ModelContext(b => b.Entity<Box<Person>>(e => e.Property(x => x.Id).ValueGeneratedNever()));
        Assert.Equal("Box_Person", context.Model.FindEntityType(typeof(Box<Person>))!.GetTableName());
    }

    [Fact]
    public void Table_name_defaults_to_the_DbSet_property_name()
    {
        using var context = new ReadingContext();
        Assert.Equal("Readings", context.Model.FindEntityType(typeof(Reading))!.GetTableName());
    }

    [Fact]
    public void HasAttributeName_renames_the_attribute()
    {
        using var context = new ModelContext(b => b.Entity<Account>().Property(a => a.Email).HasAttributeName("email"));
        Assert.Equal("email", context.Model.FindEntityType(typeof(Account))!.FindProperty("Email")!.GetAttributeName());
    }

    [Fact]
    public void Three_part_key_is_refused_naming_type_and_properties()
    {
        var exception = BuildFails(b => b.Entity<Account>().HasKey(a => new { a.Region, a.Email, a.CreatedAt }));
        Assert.Contains("'Account'", exception.Message);
        Assert.Contains("Region, Email, CreatedAt", exception.Message);
    }

    [Fact]
    public void Boolean_key_is_refused_naming_property()
    {
        var exception = BuildFails(b => b.Entity<Account>().HasPartitionKey(a => a.Flag));
        Assert.Contains("'Account.Flag'", exception.Message);
        Assert.Contains("strings, numbers or binary", exception.Message);
    }

    [Fact]
    public void Keyless_entity_type_is_refused_for_missing_partition_key()
    {
        var exception = BuildFails(b => b.Entity<Account>().HasNoKey());
        Assert.Contains("'Account' has no partition key", exception.Message);
    }

    [Fact]
    public void A_generated_integer_key_uses_hi_lo_from_a_sequence_named_after_its_table()
    {
        using var context = new ModelContext(b => b.Entity<Person>());
        var id = context.Model.FindEntityType(typeof(Person))!.FindProperty(nameof(Person.Id))!;
        Assert.True(DynamoDbHiLo.UsesHiLo(id));
        Assert.Equal(("Person", 10), (DynamoDbHiLo.SequenceName(id), DynamoDbHiLo.BlockSize(id)));
    }

    [Fact]
    public void UseHiLo_names_the_sequence_and_block_size_per_property_or_for_the_model()
    {
        using var perProperty = new ModelContext(b => b.Entity<Person>().Property(p => p.Id).UseHiLo("people", 50));
        var id = perProperty.Model.FindEntityType(typeof(Person))!.FindProperty(nameof(Person.Id))!;
        Assert.Equal(("people", 50), (DynamoDbHiLo.SequenceName(id), DynamoDbHiLo.BlockSize(id)));

        using var modelWide = new ModelContext(b => { b.UseHiLo("all", 100); b.Entity<Person>(); });
        id = modelWide.Model.FindEntityType(typeof(Person))!.FindProperty(nameof(Person.Id))!;
        Assert.Equal(("all", 100), (DynamoDbHiLo.SequenceName(id), DynamoDbHiLo.BlockSize(id)));

        Assert.Throws<ArgumentOutOfRangeException>(() => new ModelContext(b => b.Entity<Person>().Property(p => p.Id).UseHiLo(blockSize: 0)).Model);
    }

    [Fact]
    public void UseHiLo_on_a_property_hi_lo_cannot_generate_is_refused_naming_it()
    {
        var onString = BuildFails(b => b.Entity<Person>().Property(p => p.Name).UseHiLo());
        Assert.Contains("'Person.Name' (string)", onString.Message);
        Assert.Contains("cannot generate", onString.Message);

        var converted = BuildFails(b => b.Entity<Person>().Property(p => p.Id).UseHiLo().HasConversion(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture), v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("'Person.Id'", converted.Message);

        var never = BuildFails(b => b.Entity<Person>().Property(p => p.Id).UseHiLo().ValueGeneratedNever());
        Assert.Contains("'Person.Id'", never.Message);
    }

    [Fact]
    public void A_generated_decimal_key_is_refused_with_what_to_do()
    {
        var exception = BuildFails(b => b.Entity<Priced>().Property(p => p.Id).ValueGeneratedOnAdd());
        Assert.Contains("'Priced.Id'", exception.Message);
        Assert.Contains("ValueGeneratedNever()", exception.Message);
    }

    [Fact]
    public void Integer_key_without_generation_is_accepted()
    {
        using var context = new ModelContext(b => b.Entity<Person>().Property(p => p.Id).ValueGeneratedNever());
        Assert.NotNull(context.Model.FindEntityType(typeof(Person)));
    }

    [Fact]
    public void Partition_key_contradicting_HasKey_is_refused()
    {
        var exception = BuildFails(b => b.Entity<Account>(e =>
        {
            e.HasKey(a => a.Id);
            e.HasPartitionKey(a => a.Email);
        }));
        Assert.Contains("'Account'", exception.Message);
        Assert.Contains("'Email'", exception.Message);
    }

    [Fact]
    public void Two_properties_on_one_attribute_are_refused()
    {
        var exception = BuildFails(b => b.Entity<Account>().Property(a => a.Region).HasAttributeName("Email"));
        Assert.Contains("'Email'", exception.Message);
        Assert.Contains("Region", exception.Message);
    }

    [Fact]
    public void Shared_table_with_different_key_shapes_is_refused_naming_both_types()
    {
        var exception = BuildFails(b =>
        {
            b.Entity<Account>().ToTable("shared");
            b.Entity<AnnotatedItem>().ToTable("shared");
        });
        Assert.Contains("'Account'", exception.Message);
        Assert.Contains("'AnnotatedItem'", exception.Message);
        Assert.Contains("different keys", exception.Message);
    }

    [Fact]
    public void Local_index_must_start_with_the_table_partition_key()
    {
        var exception = BuildFails(b => b.Entity<Account>(e =>
        {
            e.HasPartitionKey(a => a.Email);
            e.HasIndex(a => new { a.Region, a.CreatedAt }).IsLocalSecondaryIndex("by-region");
        }));
        Assert.Contains("'by-region'", exception.Message);
        Assert.Contains("'Account'", exception.Message);
        Assert.Contains("'Email'", exception.Message);
    }

    [Fact]
    public void Index_keys_must_be_two_properties_at_most_of_key_types()
    {
        var tooLong = BuildFails(b => b.Entity<Account>().HasIndex(a => new { a.Region, a.Email, a.CreatedAt }).IsGlobalSecondaryIndex("wide"));
        Assert.Contains("'wide'", tooLong.Message);
        var boolKey = BuildFails(b => b.Entity<Account>().HasIndex(a => a.Flag).IsGlobalSecondaryIndex("by-flag"));
        Assert.Contains("'by-flag'", boolKey.Message);
        Assert.Contains("'Flag'", boolKey.Message);
    }

    [Fact]
    public void More_than_20_global_indexes_are_refused()
    {
        var exception = BuildFails(b => b.Entity<Wide>(e =>
        {
            foreach (var property in typeof(Wide).GetProperties().Where(p => p.Name.StartsWith('P')))
            {
                e.HasIndex(property.Name).IsGlobalSecondaryIndex("by-" + property.Name);
            }
        }));
        Assert.Contains("more than 20 global", exception.Message);
    }

    [Fact]
    public void Index_attribute_combines_with_the_fluent_index_call()
    {
        using var context = new ModelContext(b => b.Entity<IndexedItem>().HasIndex(i => i.Owner).IsGlobalSecondaryIndex("by-owner"));
        var index = Assert.Single(context.Model.FindEntityType(typeof(IndexedItem))!.GetIndexes());
        Assert.Equal("by-owner", index.GetSecondaryIndexName());
        Assert.Equal(DynamoDbSecondaryIndexType.Global, index.GetSecondaryIndexType());
    }

    [Fact]
    public void Index_names_are_unique_per_table()
    {
        var exception = BuildFails(b => b.Entity<Account>(e =>
        {
            e.HasIndex(a => a.Region).IsGlobalSecondaryIndex("same");
            e.HasIndex(a => a.Email).IsGlobalSecondaryIndex("same");
        }));
        Assert.Contains("'same'", exception.Message);
    }

    [Fact]
    public void Time_to_live_needs_a_date_or_integer_property()
        => Assert.Throws<ArgumentException>(() =>
        {
            using var context = new ModelContext(b => b.Entity<Account>().HasTimeToLive(a => a.Region));
            return context.Model;
        });

    [Fact]
    public void Provisioned_billing_without_capacity_is_refused()
    {
        var exception = BuildFails(b => b.Entity<Account>().HasBillingMode(DynamoDbBillingMode.Provisioned));
        Assert.Contains("'Account'", exception.Message);
        Assert.Contains("HasProvisionedThroughput", exception.Message);
    }

    [Fact]
    public void Non_numeric_row_version_is_refused_naming_property()
    {
        var exception = BuildFails(b => b.Entity<Account>().Property(a => a.Region).IsRowVersion());
        Assert.Contains("'Account.Region'", exception.Message);
    }

    [Fact]
    public void A_supplied_client_with_client_options_is_refused()
    {
        using var client = new Amazon.DynamoDBv2.AmazonDynamoDBClient(
            new Amazon.Runtime.BasicAWSCredentials("k", "s"), new Amazon.DynamoDBv2.AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:1" });
        var exception = Assert.Throws<InvalidOperationException>(() =>
        {
            using var context = new DbContext(new DbContextOptionsBuilder().UseDynamoDb(client, d => d.Region("eu-west-1")).Options);
            return context.Database.GetDynamoDbClient();
        });
        Assert.Contains("IAmazonDynamoDB client", exception.Message);
    }

    [Fact]
    public void Types_sharing_a_table_get_a_type_discriminator()
    {
        using var context = new ModelContext(b =>
        {
            b.Entity<Account>().ToTable("shared").HasKey(a => new { a.Region, a.Email });
            b.Entity<AnnotatedItem>().ToTable("shared").Property(i => i.Sequence).HasConversion<string>();
            b.Entity<AnnotatedItem>().Property(i => i.Tenant).HasAttributeName("Region");
            b.Entity<AnnotatedItem>().Property(i => i.Sequence).HasAttributeName("Email");
        });
        var account = context.Model.FindEntityType(typeof(Account))!;
        Assert.Equal("$type", account.FindDiscriminatorProperty()!.GetAttributeName());
        Assert.Equal("Account", account.GetDiscriminatorValue());
    }

    [Fact]
    public void A_dictionary_with_non_string_keys_is_refused_naming_the_property()
    {
        var exception = BuildFails(b => b.Entity<WithCollections>().Ignore(w => w.BoolSet));
        Assert.Contains("ByNumber", exception.Message);
        Assert.Contains("WithCollections", exception.Message);
    }

    [Fact]
    public void A_set_of_an_unsupported_element_type_is_refused_naming_the_property()
    {
        var exception = BuildFails(b => b.Entity<WithCollections>().Ignore(w => w.ByNumber));
        Assert.Contains("BoolSet", exception.Message);
        Assert.Contains("has no key", exception.Message);
    }

    [Fact]
    public void Owned_types_are_embedded_in_their_owners_item()
    {
        using var context = new ModelContext(b => b.Entity<WithOwned>(e =>
        {
            e.OwnsOne(w => w.Part, part => part.Property(p => p.Name).HasAttributeName("n"));
            e.OwnsMany(w => w.Parts);
        }));
        var owner = context.Model.FindEntityType(typeof(WithOwned))!;
        var part = owner.FindNavigation(nameof(WithOwned.Part))!.TargetEntityType;
        Assert.Equal(["Part", "n"], part.FindProperty(nameof(OwnedPart.Name))!.GetAttributePath());
        var element = owner.FindNavigation(nameof(WithOwned.Parts))!.TargetEntityType;
        // Elements of an owned collection are documents of their own: their paths start inside the element.
        Assert.Equal(["Name"], element.FindProperty(nameof(OwnedPart.Name))!.GetAttributePath());
    }

    [Fact]
    public void An_owned_type_cannot_also_be_an_entity_type_of_its_own()
    {
        var exception = BuildFails(b =>
        {
            b.Entity<WithOwned>().OwnsOne(w => w.Part);
            b.Entity<OwnedPart>().HasKey(p => p.Name);
        });
        Assert.Contains("OwnedPart", exception.Message);
    }

    [Fact]
    public void A_complex_type_that_contains_itself_is_refused_naming_the_property()
    {
        var exception = BuildFails(b => b.Entity<WithFolder>().ComplexProperty(w => w.Folder));
        Assert.Contains("Folder.Parent'", exception.Message);

        // Ignored explicitly, the member is simply not stored.
        using var context = new ModelContext(b => b.Entity<WithFolder>().ComplexProperty(w => w.Folder, f => f.Ignore(x => x.Parent)));
        Assert.NotNull(context.Model.FindEntityType(typeof(WithFolder)));
    }

    [Fact]
    public void An_owned_type_shared_by_two_owners_gets_one_embedded_copy_per_owner_or_is_refused()
    {
        // Owned by both: each owner embeds its own map.
        using (var context = new ModelContext(b =>
        {
            b.Entity<WithOwned>().OwnsOne(w => w.Part);
            b.Entity<WithOwned>().Ignore(w => w.Parts);
            b.Entity<PartHolder>().OwnsOne(h => h.Part);
        }))
        {
            Assert.Equal(2, context.Model.GetEntityTypes().Count(e => e.ClrType == typeof(OwnedPart)));
        }

        // Referenced by another entity without being owned by it: a relationship to an owned entity, refused.
        var exception = Assert.Throws<InvalidOperationException>(() =>
        {
            using var context = new ModelContext(b =>
            {
                b.Entity<WithOwned>().OwnsOne(w => w.Part);
                b.Entity<WithOwned>().Ignore(w => w.Parts);
                b.Entity<PartHolder>().HasOne(h => h.Part).WithOne();
            });
            _ = context.Model;
        });
        Assert.Contains("OwnedPart", exception.Message);
    }

    [Fact]
    public void Attribute_names_clashing_inside_an_owned_map_or_with_an_owned_map_are_refused()
    {
        var inside = BuildFails(b => b.Entity<WithOwned>(e =>
        {
            e.OwnsOne(w => w.Part, part => part.Property<string>("Extra").HasAttributeName("Name"));
            e.Ignore(w => w.Parts);
        }));
        Assert.Contains("'Name'", inside.Message);

        var withMap = BuildFails(b => b.Entity<WithOwned>(e =>
        {
            e.OwnsOne(w => w.Part);
            e.Ignore(w => w.Parts);
            e.Property(w => w.Id).HasAttributeName("Part");
        }));
        Assert.Contains("'Part'", withMap.Message);
    }

    [Fact]
    public void A_concurrency_token_in_an_owned_type_is_refused_naming_it()
    {
        var exception = BuildFails(b => b.Entity<WithOwned>(e =>
        {
            e.OwnsOne(w => w.Part, part => part.Property(p => p.Name).IsConcurrencyToken());
            e.Ignore(w => w.Parts);
        }));
        Assert.Contains("OwnedPart.Name'", exception.Message);
    }

    [Fact]
    public void A_relationship_to_the_primary_key_is_accepted()
    {
        using var context = new ModelContext(b => b.Entity<WithRelated>());
        var foreignKey = context.Model.FindEntityType(typeof(WithRelated))!.FindNavigation(nameof(WithRelated.Related))!.ForeignKey;
        Assert.Equal("RelatedId", Assert.Single(foreignKey.Properties).Name);
    }

    [Fact]
    public void A_principal_key_that_is_neither_the_primary_key_nor_the_partition_key_is_refused_naming_both_types()
    {
        var exception = BuildFails(b =>
        {
            b.Entity<Account>(e => { e.HasPartitionKey(a => a.Email); e.HasSortKey(a => a.CreatedAt); });
            b.Entity<WithRelated>().HasOne(w => w.Related).WithMany().HasPrincipalKey(a => a.CreatedAt);
        });
        Assert.Contains("'WithRelated' to 'Account'", exception.Message);
        Assert.Contains("(CreatedAt)", exception.Message);
        Assert.Contains("HasPrincipalKey(x => x.Email)", exception.Message);
    }

    [Fact]
    public void The_partition_key_alone_is_accepted_as_principal_key_for_item_collections()
    {
        using var context = new ModelContext(b =>
        {
            b.Entity<Account>(e => { e.HasPartitionKey(a => a.Email); e.HasSortKey(a => a.CreatedAt); });
            b.Entity<WithRelated>().HasOne(w => w.Related).WithMany().HasPrincipalKey(a => a.Email);
        });
        var foreignKey = context.Model.FindEntityType(typeof(WithRelated))!.FindNavigation(nameof(WithRelated.Related))!.ForeignKey;
        Assert.Equal("Email", Assert.Single(foreignKey.PrincipalKey.Properties).Name);
    }

    [Fact]
    public void Partition_key_on_unknown_property_is_refused_at_configuration()
    {
        using var context = new ModelContext(b => b.Entity<Account>().HasPartitionKey("Nope"));
        var exception = Assert.Throws<ArgumentException>(() => context.Model);
        Assert.Contains("'Nope'", exception.Message);
    }
}
