using Claims.Api.Claims;
using Claims.Api.Quotes;
using Microsoft.AspNetCore.Mvc;

namespace Claims.Api.Entities;

/// <summary>Body of POST and PUT. Quotes and claims naming the entity under any of its names are linked to it.</summary>
public sealed record EntityRequest(string? Name, string? Slug = null, string[]? Aliases = null);

public record EntityResponse
{
    public Guid Id { get; init; }
    public string Slug { get; init; } = "";
    public string Name { get; init; } = "";
    public string[] Aliases { get; init; } = [];
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}

/// <summary>An entity with the newest claims and quotes that mention it; the full lists are /v1/claims?entity= and /v1/quotes?entity=.</summary>
public sealed record EntityDetail : EntityResponse
{
    public int ClaimCount { get; init; }
    public int QuoteCount { get; init; }
    public IReadOnlyList<ClaimRef> Claims { get; init; } = [];
    public IReadOnlyList<QuoteResponse> Quotes { get; init; } = [];
}

/// <summary>Links a quote or a claim (exactly one) to the entity by hand.</summary>
public sealed record MentionRequest(Guid? QuoteId = null, Guid? ClaimId = null);

public enum MentionOrigin { Auto, Manual }

public sealed record MentionResponse(Guid EntityId, Guid? QuoteId, Guid? ClaimId, MentionOrigin Origin);

public sealed record EntityListQuery(
    [property: FromQuery(Name = "q")] string? Q,
    [property: FromQuery(Name = "limit")] int? Limit,
    [property: FromQuery(Name = "cursor")] string? Cursor) : IPageQuery;
