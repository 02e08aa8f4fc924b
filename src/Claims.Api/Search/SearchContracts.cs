using Microsoft.AspNetCore.Mvc;

namespace Claims.Api.Search;

public enum HitKind { Quote, Claim, Speaker, Entity, Source }

/// <summary>
/// <c>q</c> in web-search syntax: words are stemmed ("violates" finds "violating"), "quoted phrases" match in order,
/// <c>-word</c> excludes, <c>or</c> between words widens. Names also match misspelt, and any name of an entity finds
/// what mentions it under another name.
/// </summary>
public sealed record SearchQuery(
    [property: FromQuery(Name = "q")] string? Q,
    [property: FromQuery(Name = "types")] string? Types,
    [property: FromQuery(Name = "limit")] int? Limit,
    [property: FromQuery(Name = "cursor")] string? Cursor) : IPageQuery
{
    /// <summary>The kinds <c>types</c> names; all of them when it names none (left out, or <c>types=</c>).</summary>
    public string[] KindNames() =>
        Types?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => t.ToLowerInvariant()).ToArray()
            is { Length: > 0 } names ? names : Enum.GetNames<HitKind>().Select(n => n.ToLowerInvariant()).ToArray();
}

/// <summary>One search result. <c>snippet</c> marks the matched words with &lt;mark&gt;…&lt;/mark&gt;.</summary>
public sealed record SearchHit
{
    public HitKind Kind { get; init; }
    public Guid Id { get; init; }
    public string? Slug { get; init; }
    public string Title { get; init; } = "";
    public string Snippet { get; init; } = "";
    public float Score { get; init; }
}
