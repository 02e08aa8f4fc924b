using Microsoft.AspNetCore.Mvc;
using Claims.Api.Claims;
using Claims.Api.Reviews;

namespace Claims.Api.Speakers;

public enum SpeakerKind { Person, Organization, Government }

/// <summary>
/// Body of POST and PUT. Only <c>name</c> is required; the slug is derived from it when omitted. <c>party</c> and
/// <c>state</c> are free text, as the data sets write them ("democrat", "Texas").
/// </summary>
public sealed record SpeakerRequest(
    string? Name, string? Slug = null, SpeakerKind? Kind = null, string? Title = null, string[]? Aliases = null,
    string? Party = null, string? State = null);

public sealed record SpeakerResponse
{
    public Guid Id { get; init; }
    public string Slug { get; init; } = "";
    public string Name { get; init; } = "";
    public SpeakerKind Kind { get; init; }
    public string? Title { get; init; }
    public string[] Aliases { get; init; } = [];
    public string? Party { get; init; }
    public string? State { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}

/// <summary>A speaker as embedded in other resources.</summary>
public sealed record SpeakerRef(Guid Id, string Slug, string Name);

/// <summary>
/// Filters of the speaker list: <c>kind</c>, <c>party</c> (in any case), and <c>q</c>, a search by name that forgives
/// misspellings.
/// </summary>
public sealed record SpeakerListQuery(
    [property: FromQuery(Name = "kind")] string? Kind,
    [property: FromQuery(Name = "party")] string? Party,
    [property: FromQuery(Name = "q")] string? Q,
    [property: FromQuery(Name = "limit")] int? Limit,
    [property: FromQuery(Name = "cursor")] string? Cursor) : IPageQuery;

/// <summary>A claim the speaker holds: the claim, the speaker's stance on it, and its reviews' verdicts.</summary>
public sealed record SpeakerClaim(
    Guid Id, string Slug, string Text, IReadOnlyList<string> Topics, SpeakerStance Stance, IReadOnlyList<ReviewRating> Ratings);

/// <summary>Where the speaker stands on the claim, when and where they said so, and the quote that shows it.</summary>
public sealed record SpeakerStance(Guid Id, StancePosition Position, DateOnly? SaidOn, string? Context, Guid? QuoteId);

/// <summary>One review's verdict, as in the claim's reviews.</summary>
public sealed record ReviewRating(string? PublisherName, string PublisherSite, Rating Rating, string? RatingText);

/// <summary>Filters of a speaker's claims: <c>position</c>, asserts or disputes.</summary>
public sealed record SpeakerClaimListQuery(
    [property: FromQuery(Name = "position")] string? Position,
    [property: FromQuery(Name = "limit")] int? Limit,
    [property: FromQuery(Name = "cursor")] string? Cursor) : IPageQuery;
