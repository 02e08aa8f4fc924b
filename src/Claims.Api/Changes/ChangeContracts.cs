using Microsoft.AspNetCore.Mvc;

namespace Claims.Api.Changes;

/// <summary>
/// One committed write. <c>resource</c> is speaker, source, quote, claim, entity, stance or review; <c>operation</c> is create,
/// update, delete, or link/unlink for a claim's links (<c>relatedId</c> the other claim, <c>detail</c> the kind) and an
/// entity's mentions (<c>relatedId</c> the quote or claim, <c>detail</c> which of the two).
/// </summary>
public sealed record ChangeEvent(long Position, string Resource, Guid Id, string Operation, Guid? RelatedId, string? Detail, DateTime At);

/// <summary>Events after the position asked for, in commit order; ask again with <c>after=next</c>.</summary>
public sealed record ChangesPage(IReadOnlyList<ChangeEvent> Items, long Next);

/// <param name="After">The position read up to; 0 (the default) is the beginning.</param>
/// <param name="Wait">Seconds (up to 30) to wait for an event when there is none yet.</param>
public sealed record ChangesQuery(
    [property: FromQuery(Name = "after")] long? After,
    [property: FromQuery(Name = "limit")] int? Limit,
    [property: FromQuery(Name = "types")] string? Types,
    [property: FromQuery(Name = "wait")] int? Wait)
{
    public static readonly string[] Resources = ["speaker", "source", "quote", "claim", "entity", "stance", "review"];

    /// <summary>The types asked for; null for all of them, as when <c>types</c> names none (<c>types=</c>), which would
    /// otherwise match nothing while <c>next</c> moved past every event.</summary>
    public string[]? ResourceNames() =>
        Types?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => t.ToLowerInvariant()).ToArray()
            is { Length: > 0 } names ? names : null;
}
