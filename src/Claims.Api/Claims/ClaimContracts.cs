using Microsoft.AspNetCore.Mvc;
using Claims.Api.Quotes;
using Claims.Api.Sources;
using Claims.Api.Speakers;

namespace Claims.Api.Claims;

/// <summary>Body of POST and PUT. Only <c>text</c> is required; the slug is derived from it when omitted.</summary>
public sealed record ClaimRequest(string? Text, string? Slug = null);

public sealed record ClaimResponse(Guid Id, string Slug, string Text, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>A claim with who holds it and how it relates to other claims.</summary>
public sealed record ClaimDetail(
    Guid Id, string Slug, string Text, DateTime CreatedAt, DateTime UpdatedAt,
    IReadOnlyList<EntityRef> Entities,
    IReadOnlyList<StanceResponse> Stances,
    IReadOnlyList<ClaimRef> CounterClaims,
    IReadOnlyList<ClaimRef> Supports,
    IReadOnlyList<ClaimRef> SupportedBy);

public sealed record ClaimRef(Guid Id, string Slug, string Text);

public sealed record EntityRef(Guid Id, string Slug, string Name);

public enum StancePosition { Asserts, Disputes }

/// <summary>Speaker X asserts or disputes the claim, optionally evidenced by one of X's own quotes.</summary>
public sealed record StanceResponse(Guid Id, SpeakerRef Speaker, StancePosition Position, EvidenceQuote? Quote, DateTime CreatedAt);

public sealed record EvidenceQuote(Guid Id, QuoteKind Kind, string Text, DateOnly? SaidOn, SourceRef Source);

public sealed record StanceRequest(Guid? SpeakerId, StancePosition? Position, Guid? QuoteId = null);

/// <summary>Body of the link endpoints: the other claim.</summary>
public sealed record ClaimLinkRequest(Guid? ClaimId);

public sealed record ClaimListQuery(
    [property: FromQuery(Name = "limit")] int? Limit,
    [property: FromQuery(Name = "cursor")] string? Cursor) : IPageQuery;
