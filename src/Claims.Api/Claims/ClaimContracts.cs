using Microsoft.AspNetCore.Mvc;
using Claims.Api.Quotes;
using Claims.Api.Reviews;
using Claims.Api.Sources;
using Claims.Api.Speakers;

namespace Claims.Api.Claims;

/// <summary>
/// Body of POST and PUT. Only <c>text</c> is required; the slug is derived from it when omitted. <c>topics</c> are
/// what the claim is about ("economy", "health-care"), each kept once.
/// </summary>
public sealed record ClaimRequest(string? Text, string? Slug = null, string[]? Topics = null);

public sealed record ClaimResponse
{
    public Guid Id { get; init; }
    public string Slug { get; init; } = "";
    public string Text { get; init; } = "";
    public string[] Topics { get; init; } = [];
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}

/// <summary>A claim with who holds it and how it relates to other claims.</summary>
public sealed record ClaimDetail(
    Guid Id, string Slug, string Text, IReadOnlyList<string> Topics, DateTime CreatedAt, DateTime UpdatedAt,
    IReadOnlyList<EntityRef> Entities,
    IReadOnlyList<StanceResponse> Stances,
    IReadOnlyList<ClaimRef> CounterClaims,
    IReadOnlyList<ClaimRef> Supports,
    IReadOnlyList<ClaimRef> SupportedBy,
    IReadOnlyList<ReviewResponse> Reviews);

public sealed record ClaimRef(Guid Id, string Slug, string Text);

public sealed record EntityRef(Guid Id, string Slug, string Name);

public enum StancePosition { Asserts, Disputes }

/// <summary>
/// Speaker X asserts or disputes the claim, optionally evidenced by one of X's own quotes; <c>saidOn</c> and
/// <c>context</c> say when and where X took the stance ("a speech in Des Moines, Iowa."), when known.
/// </summary>
public sealed record StanceResponse(
    Guid Id, SpeakerRef Speaker, StancePosition Position, DateOnly? SaidOn, string? Context, EvidenceQuote? Quote, DateTime CreatedAt);

public sealed record EvidenceQuote(Guid Id, QuoteKind Kind, string Text, DateOnly? SaidOn, SourceRef Source);

public sealed record StanceRequest(Guid? SpeakerId, StancePosition? Position, Guid? QuoteId = null, DateOnly? SaidOn = null, string? Context = null);

/// <summary>Body of the link endpoints: the other claim.</summary>
public sealed record ClaimLinkRequest(Guid? ClaimId);

/// <summary>
/// Filters of the claim list: <c>assertedBy</c>, <c>disputedBy</c> (a speaker's id or slug), <c>entity</c> (id, slug or any name),
/// <c>q</c> (a search, see /v1/search), <c>topic</c> (one of the claim's topics, exactly), <c>rating</c> (a review's rating on the normalised scale), <c>reviewedBy</c> (a review
/// publisher's site or name). A filter naming no known speaker or entity matches nothing.
/// </summary>
public sealed record ClaimListQuery(
    [property: FromQuery(Name = "assertedBy")] string? AssertedBy,
    [property: FromQuery(Name = "disputedBy")] string? DisputedBy,
    [property: FromQuery(Name = "entity")] string? Entity,
    [property: FromQuery(Name = "q")] string? Q,
    [property: FromQuery(Name = "topic")] string? Topic,
    [property: FromQuery(Name = "rating")] string? Rating,
    [property: FromQuery(Name = "reviewedBy")] string? ReviewedBy,
    [property: FromQuery(Name = "limit")] int? Limit,
    [property: FromQuery(Name = "cursor")] string? Cursor) : IPageQuery;

/// <summary><c>format</c>: json (the default) or aif, which wins over Accept.</summary>
public sealed record ClaimGraphQuery([property: FromQuery(Name = "depth")] int? Depth, [property: FromQuery(Name = "format")] string? Format)
{
    public const string Json = "json", Aif = "aif";
}

/// <summary>Claims around <c>root</c> and the links among them; <c>truncated</c> when the depth or node limit cut some off.</summary>
public sealed record ClaimGraph(Guid Root, int Depth, bool Truncated, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);

public sealed record GraphNode(
    Guid Id, string Slug, string Text, int Depth,
    IReadOnlyList<SpeakerRef> AssertedBy, int AssertedByCount, IReadOnlyList<SpeakerRef> DisputedBy, int DisputedByCount);

public enum LinkKind { Counters, Supports }

/// <summary>A link as stored: <c>counters</c> is symmetric whatever its direction; <c>supports</c> means from supports to.</summary>
public sealed record GraphEdge(Guid From, Guid To, LinkKind Kind);
