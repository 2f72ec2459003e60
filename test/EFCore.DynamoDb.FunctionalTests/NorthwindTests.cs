using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using EFCore.DynamoDb.TestModels.Northwind;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests;

/// <summary>
/// EF Core's classic Northwind model, unchanged but for key configuration: the everyday queries and saves of an
/// application on it, with the requests each one sends, and what DynamoDB cannot follow refused before any request.
/// </summary>
public class NorthwindTests : DynamoDbTestBase<NorthwindContext>
{
    protected override NorthwindContext CreateContext(DbContextOptions<NorthwindContext> options) => new(options);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var context = CreateContext();
        var beverages = new Category { CategoryId = 1, CategoryName = "Beverages" };
        var condiments = new Category { CategoryId = 2, CategoryName = "Condiments" };
        var exotic = new Supplier { SupplierId = 1, CompanyName = "Exotic Liquids", Address = new Address { City = "London", Country = "UK" } };
        var chai = new Product { ProductId = 1, ProductName = "Chai", Category = beverages, Supplier = exotic, UnitPrice = 18m, UnitsInStock = 39 };
        var chang = new Product { ProductId = 2, ProductName = "Chang", Category = beverages, Supplier = exotic, UnitPrice = 19m, UnitsInStock = 17 };
        var syrup = new Product { ProductId = 3, ProductName = "Aniseed Syrup", Category = condiments, Supplier = exotic, UnitPrice = 10m, Discontinued = true };
        var fuller = new Employee { EmployeeId = 2, FirstName = "Andrew", LastName = "Fuller", Title = "Vice President, Sales" };
        var davolio = new Employee { EmployeeId = 1, FirstName = "Nancy", LastName = "Davolio", Manager = fuller };
        var eastern = new Region { RegionId = 1, RegionDescription = "Eastern" };
        davolio.Territories.Add(new Territory { TerritoryId = "06897", TerritoryDescription = "Wilton", Region = eastern });
        davolio.Territories.Add(new Territory { TerritoryId = "19713", TerritoryDescription = "Neward", Region = eastern });
        var speedy = new Shipper { ShipperId = 1, CompanyName = "Speedy Express" };
        var alfki = new Customer { CustomerId = "ALFKI", CompanyName = "Alfreds Futterkiste", Address = new Address { City = "Berlin", Country = "Germany" } };
        context.Customers.Add(new Customer { CustomerId = "ANATR", CompanyName = "Ana Trujillo Emparedados y helados", Address = new Address { City = "México D.F.", Country = "Mexico" } });
        context.Orders.AddRange(
            new Order
            {
                OrderId = 10643, Customer = alfki, Employee = davolio, Shipper = speedy, OrderDate = new DateTime(1997, 8, 25, 0, 0, 0, DateTimeKind.Utc),
                Freight = 29.46m, ShipAddress = new Address { City = "Berlin", Country = "Germany" },
                OrderDetails = [new OrderDetail { Product = chai, UnitPrice = 18m, Quantity = 15, Discount = 0.25f }, new OrderDetail { Product = chang, UnitPrice = 19m, Quantity = 21, Discount = 0.25f }],
            },
            new Order
            {
                OrderId = 10692, Customer = alfki, Employee = fuller, Shipper = speedy, OrderDate = new DateTime(1997, 10, 3, 0, 0, 0, DateTimeKind.Utc),
                Freight = 61.02m, OrderDetails = [new OrderDetail { Product = syrup, UnitPrice = 10m, Quantity = 20 }],
            });
        context.Orders.Add(new Order { OrderId = 10700, Customer = alfki, Employee = fuller, Shipper = speedy });
        await context.SaveChangesAsync();
    }

    [Fact]
    public async Task A_customer_and_its_dated_orders_newest_first_are_read_through_the_customer_date_index()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;

        var customer = await context.Customers.FindAsync("ALFKI");
        var orders = await context.Orders.Where(o => o.CustomerId == "ALFKI" && o.OrderDate != null).OrderByDescending(o => o.OrderDate).ToListAsync();
        var all = await context.Orders.Where(o => o.CustomerId == "ALFKI").ToListAsync();

        Assert.Equal("Berlin", customer!.Address!.City);
        Assert.Equal([10692, 10643], orders.Select(o => o.OrderId));
        Assert.Equal([10643, 10692, 10700], all.Select(o => o.OrderId).Order());
        Assert.Equal(["GetItem", "Query", "Query"], transport.Operations);
        Assert.Contains("\"IndexName\":\"by-customer-date\"", transport.Requests.ElementAt(1).Body);
        Assert.Contains("\"ScanIndexForward\":false", transport.Requests.ElementAt(1).Body);
        Assert.Contains("\"IndexName\":\"by-customer\"", transport.Requests.ElementAt(2).Body);
    }

    [Fact]
    public async Task An_index_that_lacks_items_the_query_returns_is_not_used_and_the_refusal_says_why()
    {
        var (context, transport) = CreateRecordingContext(d => d.ScanBehavior(DynamoDbScanBehavior.Throw));
        await using var _ = context;

        // The order without a date is not in by-customer-date, so that index cannot sort all of a customer's orders.
        var sorted = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Orders.Where(o => o.CustomerId == "ALFKI").OrderByDescending(o => o.OrderDate).ToListAsync());
        Assert.Contains("'by-customer-date' was not used", sorted.Message, StringComparison.Ordinal);
        Assert.Contains("x.OrderDate != null", sorted.Message, StringComparison.Ordinal);

        // The employee without a manager is not in by-manager: that index cannot find him.
        var topLevel = await Assert.ThrowsAsync<InvalidOperationException>(() => context.Employees.Where(e => e.ReportsTo == null).ToListAsync());
        Assert.Contains("needs a full-table Scan", topLevel.Message, StringComparison.Ordinal);
        Assert.Contains("'by-manager' was not used", topLevel.Message, StringComparison.Ordinal);
        Assert.Empty(transport.Operations);

        // A scan finds him (its warning says why the index was not used); WithIndex reads the index anyway, as asked.
        await using (var warned = CreateContext(d => d.ScanBehavior(DynamoDbScanBehavior.Warn)))
        {
            Assert.Single(await warned.Employees.Where(e => e.ReportsTo == null).ToListAsync());
            Assert.Contains("The index 'by-manager' was not used", Assert.Single(Log.MessagesOf(DynamoDbEventId.ScanQueryWarning)), StringComparison.Ordinal);
        }

        Assert.Equal([2], (await context.Employees.AllowScan().Where(e => e.ReportsTo == null).ToListAsync()).Select(e => e.EmployeeId));
        Assert.Equal(
            [10692, 10643],
            (await context.Orders.WithIndex("by-customer-date").Where(o => o.CustomerId == "ALFKI").OrderByDescending(o => o.OrderDate).ToListAsync()).Select(o => o.OrderId));

        // A null that only an execution brings is refused: the plan reads the index.
        int? manager = null;
        var parameter = await Assert.ThrowsAsync<InvalidOperationException>(() => context.Employees.Where(e => e.ReportsTo == manager).ToListAsync());
        Assert.Contains("compares its key 'ReportsTo' with null in this execution", parameter.Message, StringComparison.Ordinal);
        manager = 2;
        Assert.Equal([1], (await context.Employees.Where(e => e.ReportsTo == manager).ToListAsync()).Select(e => e.EmployeeId));
    }

    [Fact]
    public async Task An_order_with_its_lines_and_their_products_loads_by_key_partition_and_batch()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;

        var order = await context.Orders.Include(o => o.OrderDetails).ThenInclude(d => d.Product).SingleAsync(o => o.OrderId == 10643);

        Assert.Equal(["Chai", "Chang"], order.OrderDetails.Select(d => d.Product.ProductName).Order());
        Assert.Equal(669m, order.OrderDetails.Sum(d => d.UnitPrice * d.Quantity));
        Assert.Equal(["GetItem", "Query", "BatchGetItem"], transport.Operations);
    }

    [Fact]
    public async Task A_customer_with_its_orders_and_an_employee_with_reports_and_territories_load_with_include()
    {
        await using var context = CreateContext();

        var customer = await context.Customers.Include(c => c.Orders).SingleAsync(c => c.CustomerId == "ALFKI");
        var manager = await context.Employees.Include(e => e.Reports).SingleAsync(e => e.EmployeeId == 2);
        var nancy = await context.Employees.Include(e => e.Territories).ThenInclude(t => t.Region).Include(e => e.Manager).SingleAsync(e => e.EmployeeId == 1);

        Assert.Equal([10643, 10692, 10700], customer.Orders.Select(o => o.OrderId).Order());
        Assert.Equal("Davolio", Assert.Single(manager.Reports).LastName);
        Assert.Equal(["06897", "19713"], nancy.Territories.Select(t => t.TerritoryId).Order());
        Assert.All(nancy.Territories, t => Assert.Equal("Eastern", t.Region.RegionDescription));
        Assert.Same(manager, nancy.Manager);
    }

    [Fact]
    public async Task The_products_of_a_category_are_projected_counted_and_summed_through_the_category_index()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;

        var names = await context.Products.Where(p => p.CategoryId == 1 && !p.Discontinued).Select(p => new { p.ProductName, p.UnitPrice }).ToListAsync();
        var count = await context.Products.CountAsync(p => p.CategoryId == 1);
        var stock = await context.Products.Where(p => p.CategoryId == 1).SumAsync(p => p.UnitsInStock);

        Assert.Equal(["Chai", "Chang"], names.Select(n => n.ProductName).Order());
        Assert.Equal(2, count);
        Assert.Equal((short)56, stock);
        Assert.Equal(["Query", "Query", "Query"], transport.Operations);
    }

    [Fact]
    public async Task Everyday_queries_read_one_partition_or_keys_and_compute_the_rest_from_what_they_read()
    {
        var (context, transport) = CreateRecordingContext(d => d.ScanBehavior(DynamoDbScanBehavior.Throw));
        await using var _ = context;
        var september = new DateTime(1997, 9, 1, 0, 0, 0, DateTimeKind.Utc);
        var dated = context.Orders.Where(o => o.CustomerId == "ALFKI" && o.OrderDate != null).OrderBy(o => o.OrderDate);

        Assert.Equal([10692], (await dated.Skip(1).Take(1).ToListAsync()).Select(o => o.OrderId));
        Assert.Equal([10692], (await context.Orders.Where(o => o.CustomerId == "ALFKI" && o.OrderDate >= september).ToListAsync()).Select(o => o.OrderId));
        Assert.Equal(10692, (await dated.LastAsync()).OrderId);
        Assert.Equal(10643, (await dated.LastOrDefaultAsync(o => o.Freight < 50))!.OrderId);
        Assert.Equal(61.02m, await context.Orders.Where(o => o.CustomerId == "ALFKI").MaxAsync(o => o.Freight));
        Assert.Equal(669m, await context.OrderDetails.Where(d => d.OrderId == 10643).SumAsync(d => d.UnitPrice * d.Quantity));
        Assert.Equal(["Chai", "Chang"], (await context.Products.Where(p => p.CategoryId == 1 && p.ProductName.Contains("ha")).ToListAsync()).Select(p => p.ProductName).Order());
        Assert.Equal(["Aniseed Syrup", "Chai"], (await context.Products.Where(p => new[] { 1, 3 }.Contains(p.ProductId)).ToListAsync()).Select(p => p.ProductName).Order());
        Assert.Equal(["Berlin"], await context.Customers.Where(c => c.CustomerId == "ALFKI").Select(c => c.Address!.City).ToListAsync());
        Assert.Equal(
            ["Query", "Query", "Query", "Query", "Query", "Query", "Query", "BatchGetItem", "GetItem"],
            transport.Operations);
        Assert.Contains("\"ScanIndexForward\":false", transport.Requests.ElementAt(2).Body);
        Assert.Contains("\"Limit\":1", transport.Requests.ElementAt(2).Body);

        transport.Clear();
        var order = await context.Orders.Include(o => o.Customer).Include(o => o.Employee).Include(o => o.Shipper).SingleAsync(o => o.OrderId == 10643);
        var customer = await context.Customers.Include(c => c.Orders.Where(o => o.Freight > 50)).SingleAsync(c => c.CustomerId == "ALFKI");
        Assert.Equal(("Alfreds Futterkiste", "Davolio", "Speedy Express"), (order.Customer!.CompanyName, order.Employee!.LastName, order.Shipper!.CompanyName));
        // 10643 is tracked already: fixup puts it in the collection too, as on any EF Core provider.
        Assert.Equal([10643, 10692], customer.Orders.Select(o => o.OrderId).Order());
        Assert.Equal(["GetItem", "BatchGetItem", "BatchGetItem", "BatchGetItem", "GetItem", "Query"], transport.Operations);
    }

    [Fact]
    public async Task ExecuteUpdate_through_an_index_checks_again_the_key_the_index_requires_when_it_writes()
    {
        var (context, transport) = CreateRecordingContext();
        await using var _ = context;

        Assert.Equal(2, await context.Orders.Where(o => o.CustomerId == "ALFKI" && o.OrderDate != null).ExecuteUpdateAsync(s => s.SetProperty(o => o.Freight, 1m)));

        var updates = transport.Requests.Where(r => r.Operation == "UpdateItem").Select(r => r.Body).ToList();
        Assert.Equal(2, updates.Count);
        Assert.All(updates, body => Assert.Contains("attribute_exists(#OrderDate)", body, StringComparison.Ordinal));
        Assert.Null((await context.Orders.AsNoTracking().SingleAsync(o => o.OrderId == 10700)).Freight);
    }

    [Fact]
    public async Task A_price_change_and_an_order_deleted_with_its_lines_are_saved()
    {
        await using (var context = CreateContext())
        {
            var chai = (await context.Products.FindAsync(1))!;
            chai.UnitPrice = 19.5m;
            var order = await context.Orders.Include(o => o.OrderDetails).SingleAsync(o => o.OrderId == 10692);
            context.Orders.Remove(order);
            await context.SaveChangesAsync();
        }

        await using var check = CreateContext();
        Assert.Equal(19.5m, (await check.Products.FindAsync(1))!.UnitPrice);
        Assert.Null(await check.Orders.FindAsync(10692));
        Assert.Empty(await check.OrderDetails.Where(d => d.OrderId == 10692).ToListAsync());
    }

    [Fact]
    public async Task Queries_DynamoDB_cannot_serve_without_a_scan_are_refused_before_any_request()
    {
        var (context, transport) = CreateRecordingContext(d => d.ScanBehavior(DynamoDbScanBehavior.Throw));
        await using var _ = context;

        var byCity = await Assert.ThrowsAsync<InvalidOperationException>(() => context.Customers.Where(c => c.Address!.City == "Berlin").ToListAsync());
        var byNavigation = await Assert.ThrowsAsync<InvalidOperationException>(() => context.Orders.Where(o => o.Customer!.CompanyName == "Alfreds Futterkiste").ToListAsync());

        Assert.Contains("Scan", byCity.Message, StringComparison.Ordinal);
        Assert.Contains("Customer", byNavigation.Message, StringComparison.Ordinal);
        Assert.Empty(transport.Operations);
    }
}
