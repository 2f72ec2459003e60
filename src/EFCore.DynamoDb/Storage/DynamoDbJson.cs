using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Properties;

namespace EFCore.DynamoDb.Storage;

/// <summary>
/// Items in DynamoDB's own JSON format, one per line as AWS's table export writes them: <c>{"Item":{"Id":{"S":"a"}}}</c>,
/// every value tagged with its type (numbers as strings, binary as base64).
/// </summary>
internal static class DynamoDbJson
{
    /// <summary>Writes one item as a line.</summary>
    public static void WriteLine(Utf8JsonWriter writer, Dictionary<string, AttributeValue> item)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("Item");
        WriteMap(writer, item);
        writer.WriteEndObject();
        writer.Flush();
        writer.Reset();
    }

    /// <summary>Reads the item of one line, or says what is wrong with it.</summary>
    public static Dictionary<string, AttributeValue> ReadLine(string line, long lineNumber)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("Item", out var item))
            {
                throw new FormatException(DynamoDbStrings.ImportLineWithoutItem(lineNumber));
            }

            return ReadMap(item, lineNumber);
        }
        catch (JsonException exception)
        {
            throw new FormatException(DynamoDbStrings.ImportLineNotJson(lineNumber, exception.Message), exception);
        }
    }

    private static void WriteMap(Utf8JsonWriter writer, Dictionary<string, AttributeValue> map)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in map)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, value);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, AttributeValue value)
    {
        writer.WriteStartObject();
        switch (value)
        {
            case { S: { } s }:
                writer.WriteString("S", s);
                break;
            case { N: { } n }:
                writer.WriteString("N", n);
                break;
            case { B: { } b }:
                writer.WriteBase64String("B", b.ToArray());
                break;
            case { BOOL: { } flag }:
                writer.WriteBoolean("BOOL", flag);
                break;
            case { NULL: true }:
                writer.WriteBoolean("NULL", true);
                break;
            case { SS: { } ss }:
                WriteStrings(writer, "SS", ss);
                break;
            case { NS: { } ns }:
                WriteStrings(writer, "NS", ns);
                break;
            case { BS: { } bs }:
                writer.WriteStartArray("BS");
                foreach (var element in bs)
                {
                    writer.WriteBase64StringValue(element.ToArray());
                }

                writer.WriteEndArray();
                break;
            case { L: { } list }:
                writer.WriteStartArray("L");
                foreach (var element in list)
                {
                    WriteValue(writer, element);
                }

                writer.WriteEndArray();
                break;
            case { M: { } map }:
                writer.WritePropertyName("M");
                WriteMap(writer, map);
                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string tag, List<string> values)
    {
        writer.WriteStartArray(tag);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static Dictionary<string, AttributeValue> ReadMap(JsonElement map, long lineNumber)
    {
        if (map.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException(DynamoDbStrings.ImportValueNotTyped(lineNumber, map.GetRawText()));
        }

        var result = new Dictionary<string, AttributeValue>();
        foreach (var attribute in map.EnumerateObject())
        {
            result[attribute.Name] = ReadValue(attribute.Value, lineNumber);
        }

        return result;
    }

    private static AttributeValue ReadValue(JsonElement value, long lineNumber)
    {
        if (value.ValueKind != JsonValueKind.Object || value.GetPropertyCount() != 1)
        {
            throw new FormatException(DynamoDbStrings.ImportValueNotTyped(lineNumber, value.GetRawText()));
        }

        var typed = value.EnumerateObject().Single();
        var content = typed.Value;
        return typed.Name switch
        {
            "S" => new AttributeValue { S = content.GetString() },
            "N" => new AttributeValue { N = content.GetString() },
            "B" => new AttributeValue { B = new MemoryStream(content.GetBytesFromBase64()) },
            "BOOL" => new AttributeValue { BOOL = content.GetBoolean() },
            "NULL" => new AttributeValue { NULL = true },
            "SS" => new AttributeValue { SS = content.EnumerateArray().Select(e => e.GetString()!).ToList() },
            "NS" => new AttributeValue { NS = content.EnumerateArray().Select(e => e.GetString()!).ToList() },
            "BS" => new AttributeValue { BS = content.EnumerateArray().Select(e => new MemoryStream(e.GetBytesFromBase64())).ToList() },
            "L" => new AttributeValue { L = content.EnumerateArray().Select(e => ReadValue(e, lineNumber)).ToList() },
            "M" => new AttributeValue { M = ReadMap(content, lineNumber) },
            _ => throw new FormatException(DynamoDbStrings.ImportValueNotTyped(lineNumber, value.GetRawText())),
        };
    }
}
