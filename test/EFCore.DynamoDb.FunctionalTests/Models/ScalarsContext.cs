using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Models;

/// <summary>A strongly typed id, stored as a string through a value converter, key included.</summary>
public readonly record struct SkuId(string Value);

public enum Color
{
    Red = 1,
    Green = 2,
}

public class AllScalars
{
    public SkuId Id { get; set; }
    public int Sequence { get; set; }
    public string? Text { get; set; }
    public Guid Guid { get; set; }
    public char Char { get; set; }
    public Color Color { get; set; }
    public Color ColorAsText { get; set; }
    public DateTime DateTime { get; set; }
    public DateTimeOffset DateTimeOffset { get; set; }
    public DateOnly DateOnly { get; set; }
    public TimeOnly TimeOnly { get; set; }
    public TimeSpan TimeSpan { get; set; }
    public byte Byte { get; set; }
    public sbyte SByte { get; set; }
    public short Short { get; set; }
    public ushort UShort { get; set; }
    public int Int { get; set; }
    public uint UInt { get; set; }
    public long Long { get; set; }
    public ulong ULong { get; set; }
    public float Float { get; set; }
    public double Double { get; set; }
    public decimal Decimal { get; set; }
    public bool Bool { get; set; }
    public byte[]? Bytes { get; set; }
    public int? NullableInt { get; set; }
    public string? NullText { get; set; }
}

public class ScalarsContext(DbContextOptions<ScalarsContext> options) : DbContext(options)
{
    public DbSet<AllScalars> Scalars => Set<AllScalars>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<AllScalars>(b =>
        {
            b.Property(e => e.Id).HasConversion(id => "SKU#" + id.Value, text => new SkuId(text.Substring(4)));
            b.HasPartitionKey(e => e.Id);
            b.HasSortKey(e => e.Sequence);
            b.Property(e => e.Sequence).ValueGeneratedNever();
            b.Property(e => e.ColorAsText).HasConversion<string>();
        });
}
