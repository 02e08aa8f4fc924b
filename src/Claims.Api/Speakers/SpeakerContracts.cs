using Microsoft.AspNetCore.Mvc;

namespace Claims.Api.Speakers;

public enum SpeakerKind { Person, Organization, Government }

/// <summary>Body of POST and PUT. Only <c>name</c> is required; the slug is derived from it when omitted.</summary>
public sealed record SpeakerRequest(string? Name, string? Slug = null, SpeakerKind? Kind = null, string? Title = null, string[]? Aliases = null);

public sealed record SpeakerResponse
{
    public Guid Id { get; init; }
    public string Slug { get; init; } = "";
    public string Name { get; init; } = "";
    public SpeakerKind Kind { get; init; }
    public string? Title { get; init; }
    public string[] Aliases { get; init; } = [];
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}

/// <summary>A speaker as embedded in other resources.</summary>
public sealed record SpeakerRef(Guid Id, string Slug, string Name);

/// <summary>Filters of the speaker list: <c>kind</c>, and <c>q</c>, a search by name that forgives misspellings.</summary>
public sealed record SpeakerListQuery(
    [property: FromQuery(Name = "kind")] string? Kind,
    [property: FromQuery(Name = "q")] string? Q,
    [property: FromQuery(Name = "limit")] int? Limit,
    [property: FromQuery(Name = "cursor")] string? Cursor) : IPageQuery;
