using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.Models;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests;

public class SingleTableTests : DynamoDbTestBase<SingleTableContext>
{
    protected override SingleTableContext CreateContext(DbContextOptions<SingleTableContext> options) => new(options);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var context = CreateContext();
        context.Customers.Add(new Customer { Pk = "CUSTOMER#1", Sk = "PROFILE", Name = "Ada" });
        context.Orders.Add(new CustomerOrder { Pk = "CUSTOMER#1", Sk = "ORDER#001", Total = 10m });
        context.Orders.Add(new CustomerOrder { Pk = "CUSTOMER#1", Sk = "ORDER#002", Total = 20m });
        context.Payments.Add(new CardPayment { Pk = "CUSTOMER#1", Sk = "PAYMENT#001", Amount = 10m, Last4 = "4242" });
        context.Payments.Add(new CashPayment { Pk = "CUSTOMER#1", Sk = "PAYMENT#002", Amount = 20m, Till = "T1" });
        await context.SaveChangesAsync();
    }

    [Fact]
    public async Task Each_entity_type_sees_only_its_own_items_in_the_shared_table()
    {
        await using var context = CreateContext();
        Assert.Equal("Ada", Assert.Single(await context.Customers.Where(c => c.Pk == "CUSTOMER#1").ToListAsync()).Name);
        Assert.Equal([10m, 20m], (await context.Orders.Where(o => o.Pk == "CUSTOMER#1").ToListAsync()).Select(o => o.Total).Order());
        Assert.Equal(2, await context.Orders.CountAsync(o => o.Pk == "CUSTOMER#1"));
        Assert.Equal(2, await context.Orders.Where(o => o.Pk == "CUSTOMER#1" && o.Sk.StartsWith("ORDER#")).CountAsync());

        Assert.NotNull(await context.Customers.FindAsync("CUSTOMER#1", "PROFILE"));
        Assert.Null(await context.Orders.FindAsync("CUSTOMER#1", "PROFILE"));
        Assert.Single(await context.Customers.AllowScan().ToListAsync());
    }

    [Fact]
    public async Task A_hierarchy_in_the_table_materializes_each_type_and_OfType_narrows()
    {
        await using var context = CreateContext();
        var payments = await context.Payments.Where(p => p.Pk == "CUSTOMER#1").OrderBy(p => p.Sk).ToListAsync();
        Assert.IsType<CardPayment>(payments[0]);
        Assert.Equal("4242", ((CardPayment)payments[0]).Last4);
        Assert.Equal("T1", Assert.IsType<CashPayment>(payments[1]).Till);

        var cards = await context.Payments.OfType<CardPayment>().Where(p => p.Pk == "CUSTOMER#1").ToListAsync();
        Assert.Equal("PAYMENT#001", Assert.Single(cards).Sk);
        var cash = await context.Set<CashPayment>().Where(p => p.Pk == "CUSTOMER#1").ToListAsync();
        Assert.Equal("PAYMENT#002", Assert.Single(cash).Sk);
    }

    [Fact]
    public async Task Two_entities_writing_one_item_are_refused_before_sending()
    {
        await using var context = CreateContext();
        context.Customers.Add(new Customer { Pk = "CUSTOMER#2", Sk = "SAME" });
        context.Orders.Add(new CustomerOrder { Pk = "CUSTOMER#2", Sk = "SAME" });
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());
        Assert.Contains("twice", exception.Message);
        Assert.Contains("Customer, CustomerOrder", exception.Message);
    }

    [Fact]
    public async Task Items_carry_their_type_in_the_type_attribute()
    {
        using var raw = TestDb.RawClient();
        var items = (await raw.QueryAsync(new QueryRequest
        {
            TableName = Prefix + "shop",
            KeyConditionExpression = "Pk = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = "CUSTOMER#1" } },
        })).Items;
        Assert.Equal(
            ["CardPayment", "CashPayment", "Customer", "CustomerOrder", "CustomerOrder"],
            items.Select(i => i["$type"].S).Order());
    }

    [Fact]
    public async Task Type_tests_in_a_hierarchy_are_discriminator_conditions()
    {
        await using var context = CreateContext();
        var payments = context.Payments.Where(p => p.Pk == "CUSTOMER#1");

        Assert.Equal(["PAYMENT#001"], await payments.Where(p => p is CardPayment).Select(p => p.Sk).ToListAsync());
        Assert.Equal(["PAYMENT#002"], await payments.Where(p => p.GetType() == typeof(CashPayment)).Select(p => p.Sk).ToListAsync());
        Assert.Equal(["PAYMENT#001"], await payments.Where(p => !(p is CashPayment)).Select(p => p.Sk).ToListAsync());
        Assert.Equal(2, await payments.CountAsync(p => p is Payment));
        Assert.Equal(2, payments.Where(p => p is CardPayment).ToQueryString().Split(" IN (").Length - 1);
    }
}
