using System.Reflection;
using EFCore.DynamoDb.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.Tests;

public class EventIdTests
{
    [Fact]
    public void Every_event_id_has_a_logger_method_and_a_unique_number()
    {
        var eventIds = typeof(DynamoDbEventId).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(Microsoft.Extensions.Logging.EventId))
            .ToList();
        var methods = typeof(DynamoDbLoggerExtensions).GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => m.Name).ToHashSet();

        Assert.NotEmpty(eventIds);
        Assert.All(eventIds, f => Assert.Contains(f.Name, methods));
        Assert.Equal(eventIds.Count, eventIds.Select(f => ((Microsoft.Extensions.Logging.EventId)f.GetValue(null)!).Id).Distinct().Count());
        Assert.All(eventIds, f => Assert.EndsWith("." + f.Name, ((Microsoft.Extensions.Logging.EventId)f.GetValue(null)!).Name));
    }

    [Fact]
    public void Event_ids_keep_their_published_numbers()
    {
        Assert.Equal(30000, DynamoDbEventId.ExecutedGetItem.Id);
        Assert.Equal(30011, DynamoDbEventId.ScanQueryWarning.Id);
    }
}
