using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Sample;

/// <summary>The forum API. Each handler gets a request-scoped <see cref="ForumContext"/>.</summary>
public static class ForumEndpoints
{
    public static IEndpointRouteBuilder MapForumEndpoints(this IEndpointRouteBuilder app)
    {
        var forums = app.MapGroup("/forums");

        // Reading a whole table is a Scan. The provider logs a warning for every Scan unless the query says it
        // means it: AllowScan() (also the only way past ScanBehavior(DynamoDbScanBehavior.Throw)).
        forums.MapGet("/", async (ForumContext db, CancellationToken ct)
            => await db.Forums.AllowScan().ToListAsync(ct));

        forums.MapPost("/", async (NewForum request, ForumContext db, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Name))
            {
                return Results.Problem("A forum needs a name.", statusCode: StatusCodes.Status400BadRequest);
            }

            var forum = new Forum { Name = request.Name, Description = request.Description };
            db.Forums.Add(forum);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // An Added entity is a PutItem conditioned on the key not existing yet: a duplicate fails with a
                // DbUpdateException instead of silently overwriting the existing item.
                return Results.Problem($"Forum '{request.Name}' already exists.", statusCode: StatusCodes.Status409Conflict);
            }

            return Results.Created($"/forums/{Uri.EscapeDataString(forum.Name)}", forum);
        });

        // FindAsync with the full primary key is a GetItem (or no request at all if the context already tracks the entity).
        // With ?withThreads=true, Include reads the forum and its threads with ONE Query of the forum's partition
        // (an item collection): the provider admits both item types and tells them apart by their "$type".
        forums.MapGet("/{name}", async (string name, bool? withThreads, ForumContext db, CancellationToken ct)
            => (withThreads == true
                ? await db.Forums.AsNoTracking().Include(f => f.Threads).SingleOrDefaultAsync(f => f.Name == name, ct)
                : await db.Forums.FindAsync([name, Forum.ItemKind], ct)) is { } forum
                    ? Results.Ok(forum)
                    : ForumNotFound(name));

        forums.MapPost("/{name}/threads", async (string name, NewThread request, ForumContext db, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Subject) || request.Subject.StartsWith('#'))
            {
                return Results.Problem("A thread needs a subject that does not start with '#'.", statusCode: StatusCodes.Status400BadRequest);
            }

            // A LINQ query whose predicate fixes the whole key reads one item (with a "$type" filter: the table is shared).
            var forum = await db.Forums.FirstOrDefaultAsync(f => f.Name == name && f.Kind == Forum.ItemKind, ct);
            if (forum == null)
            {
                return ForumNotFound(name);
            }

            var thread = new ForumThread
            {
                ForumName = name,
                Subject = request.Subject,
                Message = request.Message,
                LastPostedBy = request.PostedBy,
                LastPostedAt = DateTimeOffset.UtcNow,
                Tags = request.Tags,
            };
            db.Threads.Add(thread);

            // The forum is tracked, so changing it is all it takes: the same SaveChanges sends a PutItem for the thread
            // and an UpdateItem that SETs only the changed attributes of the forum (ThreadCount, Messages).
            // (Read-modify-write: two concurrent posts can lose one increment.)
            forum.ThreadCount++;
            forum.Messages++;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.Entries.Any(entry => entry.Entity == thread))
            {
                // The exception's Entries name the write that failed: here the thread's conditional PutItem.
                return Results.Problem($"Forum '{name}' already has a thread '{request.Subject}'.", statusCode: StatusCodes.Status409Conflict);
            }

            return Results.Created($"/forums/{Uri.EscapeDataString(name)}/threads/{Uri.EscapeDataString(thread.Subject)}", thread);
        });

        // Fixing the partition key makes this a Query of one partition (the threads only: the forum item is of another
        // type), never a Scan. DynamoDB returns a partition
        // in sort-key order (here: Subject), so OrderBy/OrderByDescending on the sort key are free (ScanIndexForward)
        // and Take becomes the request's Limit. Ordering by anything else is refused.
        // Conditions on other attributes become a FilterExpression: DynamoDB still reads the filtered-out items.
        forums.MapGet("/{name}/threads", async (string name, bool? newestFirst, int? take, int? minViews, ForumContext db, CancellationToken ct) =>
        {
            var threads = db.Threads.Where(t => t.ForumName == name);
            if (minViews is int min)
            {
                threads = threads.Where(t => t.Views >= min);
            }

            // newestFirst reads the partition backwards (ScanIndexForward=false). The sort key is Subject, so that is
            // descending subject order; ordering by LastPostedAt would need it to be the sort key.
            threads = newestFirst == true ? threads.OrderByDescending(t => t.Subject) : threads.OrderBy(t => t.Subject);
            if (take is > 0)
            {
                threads = threads.Take(take.Value);
            }

            return await threads.ToListAsync(ct);
        });

        forums.MapPut("/{name}/threads/{subject}/views", async (string name, string subject, ForumContext db, CancellationToken ct) =>
        {
            // An atomic counter: one UpdateItem "SET #Views = if_not_exists(#Views, :0) + :1", conditioned on the
            // item existing. Concurrent requests never lose an increment, and nothing is read first.
            var changed = await db.Threads
                .Where(t => t.ForumName == name && t.Subject == subject)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Views, t => t.Views + 1), ct);
            if (changed == 0)
            {
                return ThreadNotFound(name, subject);
            }

            var thread = await db.Threads.AsNoTracking().FirstAsync(t => t.ForumName == name && t.Subject == subject, ct);
            return Results.Ok(thread);
        });

        forums.MapDelete("/{name}/threads/{subject}", async (string name, string subject, ForumContext db, CancellationToken ct) =>
        {
            var thread = await db.Threads.FindAsync([name, subject], ct);
            if (thread == null)
            {
                return ThreadNotFound(name, subject);
            }

            db.Threads.Remove(thread);
            if (await db.Forums.FindAsync([name, Forum.ItemKind], ct) is { } forum)
            {
                forum.ThreadCount--;
            }

            try
            {
                // A DeleteItem conditioned on the item existing, plus the forum's UpdateItem.
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return ThreadNotFound(name, subject); // deleted by someone else meanwhile
            }

            return Results.NoContent();
        });

        return app;
    }

    private static IResult ForumNotFound(string name)
        => Results.Problem($"Forum '{name}' does not exist.", statusCode: StatusCodes.Status404NotFound);

    private static IResult ThreadNotFound(string name, string subject)
        => Results.Problem($"Forum '{name}' has no thread '{subject}'.", statusCode: StatusCodes.Status404NotFound);
}
