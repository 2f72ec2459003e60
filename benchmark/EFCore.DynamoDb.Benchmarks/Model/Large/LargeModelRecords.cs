namespace EFCore.DynamoDb.Benchmarks.Model.Large;

// The sixty entity types of LargeModelContext: one record shape under sixty table names, as a line-of-business
// application has many tables of similar size, each the parent of the next (the last of the first).

public class Record01 : LargeModelRecord<Record60, Record02>;
public class Record02 : LargeModelRecord<Record01, Record03>;
public class Record03 : LargeModelRecord<Record02, Record04>;
public class Record04 : LargeModelRecord<Record03, Record05>;
public class Record05 : LargeModelRecord<Record04, Record06>;
public class Record06 : LargeModelRecord<Record05, Record07>;
public class Record07 : LargeModelRecord<Record06, Record08>;
public class Record08 : LargeModelRecord<Record07, Record09>;
public class Record09 : LargeModelRecord<Record08, Record10>;
public class Record10 : LargeModelRecord<Record09, Record11>;
public class Record11 : LargeModelRecord<Record10, Record12>;
public class Record12 : LargeModelRecord<Record11, Record13>;
public class Record13 : LargeModelRecord<Record12, Record14>;
public class Record14 : LargeModelRecord<Record13, Record15>;
public class Record15 : LargeModelRecord<Record14, Record16>;
public class Record16 : LargeModelRecord<Record15, Record17>;
public class Record17 : LargeModelRecord<Record16, Record18>;
public class Record18 : LargeModelRecord<Record17, Record19>;
public class Record19 : LargeModelRecord<Record18, Record20>;
public class Record20 : LargeModelRecord<Record19, Record21>;
public class Record21 : LargeModelRecord<Record20, Record22>;
public class Record22 : LargeModelRecord<Record21, Record23>;
public class Record23 : LargeModelRecord<Record22, Record24>;
public class Record24 : LargeModelRecord<Record23, Record25>;
public class Record25 : LargeModelRecord<Record24, Record26>;
public class Record26 : LargeModelRecord<Record25, Record27>;
public class Record27 : LargeModelRecord<Record26, Record28>;
public class Record28 : LargeModelRecord<Record27, Record29>;
public class Record29 : LargeModelRecord<Record28, Record30>;
public class Record30 : LargeModelRecord<Record29, Record31>;
public class Record31 : LargeModelRecord<Record30, Record32>;
public class Record32 : LargeModelRecord<Record31, Record33>;
public class Record33 : LargeModelRecord<Record32, Record34>;
public class Record34 : LargeModelRecord<Record33, Record35>;
public class Record35 : LargeModelRecord<Record34, Record36>;
public class Record36 : LargeModelRecord<Record35, Record37>;
public class Record37 : LargeModelRecord<Record36, Record38>;
public class Record38 : LargeModelRecord<Record37, Record39>;
public class Record39 : LargeModelRecord<Record38, Record40>;
public class Record40 : LargeModelRecord<Record39, Record41>;
public class Record41 : LargeModelRecord<Record40, Record42>;
public class Record42 : LargeModelRecord<Record41, Record43>;
public class Record43 : LargeModelRecord<Record42, Record44>;
public class Record44 : LargeModelRecord<Record43, Record45>;
public class Record45 : LargeModelRecord<Record44, Record46>;
public class Record46 : LargeModelRecord<Record45, Record47>;
public class Record47 : LargeModelRecord<Record46, Record48>;
public class Record48 : LargeModelRecord<Record47, Record49>;
public class Record49 : LargeModelRecord<Record48, Record50>;
public class Record50 : LargeModelRecord<Record49, Record51>;
public class Record51 : LargeModelRecord<Record50, Record52>;
public class Record52 : LargeModelRecord<Record51, Record53>;
public class Record53 : LargeModelRecord<Record52, Record54>;
public class Record54 : LargeModelRecord<Record53, Record55>;
public class Record55 : LargeModelRecord<Record54, Record56>;
public class Record56 : LargeModelRecord<Record55, Record57>;
public class Record57 : LargeModelRecord<Record56, Record58>;
public class Record58 : LargeModelRecord<Record57, Record59>;
public class Record59 : LargeModelRecord<Record58, Record60>;
public class Record60 : LargeModelRecord<Record59, Record01>;

/// <summary>The entity types of <see cref="LargeModelContext"/>.</summary>
public static class LargeModelRecordTypes
{
    public static readonly Type[] All =
    [
        typeof(Record01),
        typeof(Record02),
        typeof(Record03),
        typeof(Record04),
        typeof(Record05),
        typeof(Record06),
        typeof(Record07),
        typeof(Record08),
        typeof(Record09),
        typeof(Record10),
        typeof(Record11),
        typeof(Record12),
        typeof(Record13),
        typeof(Record14),
        typeof(Record15),
        typeof(Record16),
        typeof(Record17),
        typeof(Record18),
        typeof(Record19),
        typeof(Record20),
        typeof(Record21),
        typeof(Record22),
        typeof(Record23),
        typeof(Record24),
        typeof(Record25),
        typeof(Record26),
        typeof(Record27),
        typeof(Record28),
        typeof(Record29),
        typeof(Record30),
        typeof(Record31),
        typeof(Record32),
        typeof(Record33),
        typeof(Record34),
        typeof(Record35),
        typeof(Record36),
        typeof(Record37),
        typeof(Record38),
        typeof(Record39),
        typeof(Record40),
        typeof(Record41),
        typeof(Record42),
        typeof(Record43),
        typeof(Record44),
        typeof(Record45),
        typeof(Record46),
        typeof(Record47),
        typeof(Record48),
        typeof(Record49),
        typeof(Record50),
        typeof(Record51),
        typeof(Record52),
        typeof(Record53),
        typeof(Record54),
        typeof(Record55),
        typeof(Record56),
        typeof(Record57),
        typeof(Record58),
        typeof(Record59),
        typeof(Record60),
    ];
}
