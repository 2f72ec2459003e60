using Amazon.Runtime;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Tests;

/// <summary>A context whose model is built by a callback, on an endpoint that is never contacted.</summary>
public class ModelContext(Action<ModelBuilder> build, string prefix = "") : DbContext
{
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
        => optionsBuilder
            .UseDynamoDb(d => d.ServiceUrl("http://127.0.0.1:1").Region("us-east-1").Credentials(new BasicAWSCredentials("k", "s")).TableNamePrefix(prefix))
            .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, PerInstanceModelCacheKeyFactory>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => build(modelBuilder);
}

/// <summary>Every <see cref="ModelContext"/> instance builds its own model.</summary>
public class PerInstanceModelCacheKeyFactory : Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) => (context, designTime);
}

public class Box<T>
{
    public string Id { get; set; } = "";
    public T? Content { get; set; }
}

public class Stamp
{
    public int Version { get; set; }
}

public class WithComplexToken
{
    public string Id { get; set; } = "";
    public Stamp Stamp { get; set; } = new();
}

public class Priced
{
    public decimal Id { get; set; }
}

public class Person
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

public class Account
{
    public Guid Id { get; set; }
    public string Email { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string Region { get; set; } = "";
    public bool Flag { get; set; }
}

[DynamoDbTable("annotated_items")]
public class AnnotatedItem
{
    [PartitionKey]
    public string Tenant { get; set; } = "";

    [SortKey]
    public long Sequence { get; set; }

    public string? Note { get; set; }
}

/// <summary>An entity as a SQL Server model annotates it: table and column names.</summary>
[System.ComponentModel.DataAnnotations.Schema.Table("Person", Schema = "dbo")]
public class SqlServerAnnotatedPerson
{
    public int Id { get; set; }

    [System.ComponentModel.DataAnnotations.Schema.Column("FirstName", TypeName = "nvarchar(50)")]
    public string FirstMidName { get; set; } = "";

    [System.ComponentModel.DataAnnotations.Schema.Column(Order = 2)]
    public string LastName { get; set; } = "";
}

/// <summary>Both table attributes: DynamoDB's names the table.</summary>
[System.ComponentModel.DataAnnotations.Schema.Table("sql_name")]
[DynamoDbTable("dynamo_name")]
public class DoublyAnnotatedItem
{
    public int Id { get; set; }
}

public class Enrollee
{
    public int Id { get; set; }

    public string Email { get; set; } = "";
}

/// <summary>A SQL Server table-per-type model's derived class.</summary>
[System.ComponentModel.DataAnnotations.Schema.Table("Students")]
public class StudentEnrollee : Enrollee
{
    public string School { get; set; } = "";
}

/// <summary>A derived class whose column name is its base class's.</summary>
public class AliasedEnrollee : Enrollee
{
    [System.ComponentModel.DataAnnotations.Schema.Column("Email")]
    public string SchoolEmail { get; set; } = "";
}

/// <summary>A base class with a table name, whose derived class must not copy it.</summary>
[System.ComponentModel.DataAnnotations.Schema.Table("vehicles")]
public class Vehicle
{
    public int Id { get; set; }
}

public class Truck : Vehicle
{
    public int Axles { get; set; }
}

public class Reading
{
    public string Device { get; set; } = "";
    public DateTime Time { get; set; }
    public double Value { get; set; }
    public string? Name { get; set; }
    public string? Status { get; set; }
    public int Count { get; set; }
    public bool Active { get; set; }
    public Level Level { get; set; }
}

public enum Level
{
    Low,
    High,
}

public class ReadingContext(string prefix = "") : DbContext
{
    public DbSet<Reading> Readings => Set<Reading>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
        => optionsBuilder.UseDynamoDb(d => d.ServiceUrl("http://127.0.0.1:1").Region("us-east-1")
            .Credentials(new BasicAWSCredentials("k", "s")).TableNamePrefix(prefix));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Reading>(b =>
        {
            b.HasPartitionKey(r => r.Device);
            b.HasSortKey(r => r.Time);
        });
}

public class Wide
{
    public string Id { get; set; } = "";
    public string? P00 { get; set; }
    public string? P01 { get; set; }
    public string? P02 { get; set; }
    public string? P03 { get; set; }
    public string? P04 { get; set; }
    public string? P05 { get; set; }
    public string? P06 { get; set; }
    public string? P07 { get; set; }
    public string? P08 { get; set; }
    public string? P09 { get; set; }
    public string? P10 { get; set; }
    public string? P11 { get; set; }
    public string? P12 { get; set; }
    public string? P13 { get; set; }
    public string? P14 { get; set; }
    public string? P15 { get; set; }
    public string? P16 { get; set; }
    public string? P17 { get; set; }
    public string? P18 { get; set; }
    public string? P19 { get; set; }
    public string? P20 { get; set; }
}

[Index(nameof(Owner))]
public class IndexedItem
{
    public string Id { get; set; } = "";
    public string Owner { get; set; } = "";
}

public class WithCollections
{
    public string Id { get; set; } = "";
    public Dictionary<int, string> ByNumber { get; set; } = [];
    public HashSet<bool> BoolSet { get; set; } = [];
}

public class OwnedPart
{
    public string Name { get; set; } = "";
}

public class WithOwned
{
    public string Id { get; set; } = "";
    public OwnedPart Part { get; set; } = new();
    public List<OwnedPart> Parts { get; set; } = [];
}

public class WithRelated
{
    public string Id { get; set; } = "";
    public Account? Related { get; set; }
}

public class Folder
{
    public string Name { get; set; } = "";
    public Folder? Parent { get; set; }
}

public class WithFolder
{
    public string Id { get; set; } = "";
    public Folder Folder { get; set; } = new();
}

public class PartHolder
{
    public string Id { get; set; } = "";
    public OwnedPart? Part { get; set; }
}
