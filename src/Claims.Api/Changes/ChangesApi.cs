using System.Text.Json;
using Claims.Api.Infrastructure.Json;

namespace Claims.Api.Changes;

public static class ChangesApi
{
    public static RouteGroupBuilder MapChanges(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/changes").WithTags("Changes");

        group.MapGet("/", ListChanges).WithName(nameof(ListChanges)).Validate<ChangesQuery>()
            .WithSummary("Committed writes after a position, in commit order; wait= long-polls until one arrives.");

        return group;
    }

    // One statement, so the page and the head come from one snapshot. Positions are handed out in commit order
    // (see the 0003 migration), so every position up to the visible head is final: the reader may skip past it.
    const string Sql = """
        WITH page AS (
            SELECT position, resource, resource_id AS id, operation, related_id AS "relatedId", detail, at
            FROM change
            WHERE position > @After AND (@Types::text[] IS NULL OR resource = ANY(@Types))
            ORDER BY position
            LIMIT @Take
        )
        SELECT json_build_object(
            'items', (SELECT coalesce(json_agg(page ORDER BY position), '[]'::json) FROM page),
            'next', CASE WHEN (SELECT count(*) FROM page) = @Take THEN (SELECT max(position) FROM page)
                         ELSE greatest(@After, (SELECT coalesce(max(position), 0) FROM change)) END
        )::text
        """;

    static async Task<Ok<ChangesPage>> ListChanges(
        [AsParameters] ChangesQuery query, NpgsqlDataSource db, ChangeNotifications notifications, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(query.Wait ?? 0);
        while (true)
        {
            var changed = notifications.Next();
            var page = await ReadAsync(db, query, ct);
            var left = deadline - DateTime.UtcNow;
            if (page.Items.Count > 0 || left <= TimeSpan.Zero) return TypedResults.Ok(page);
            try
            {
                await changed.WaitAsync(left, ct);
            }
            catch (TimeoutException)
            {
                return TypedResults.Ok(page);
            }
        }
    }

    static async Task<ChangesPage> ReadAsync(NpgsqlDataSource db, ChangesQuery query, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var json = await conn.ExecuteScalarAsync<string>(new CommandDefinition(Sql, new
        {
            After = query.After ?? 0,
            Types = query.ResourceNames(),
            Take = query.Limit ?? 100,
        }, cancellationToken: ct));
        return JsonSerializer.Deserialize(json!, AppJsonContext.Default.ChangesPage)!;
    }
}
