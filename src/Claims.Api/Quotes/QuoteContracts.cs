using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Claims.Api.Sources;
using Claims.Api.Speakers;

namespace Claims.Api.Quotes;

public enum QuoteKind { Direct, Paraphrase }

/// <summary>Where a quote's text sits in its source's body: Unicode code points, <c>end</c> exclusive.</summary>
public sealed record Span(int Start, int End);

/// <summary>Body of POST and PUT. With a <c>span</c>, the source's text there must equal <c>text</c> exactly.</summary>
public sealed record QuoteRequest(
    Guid? SpeakerId, Guid? SourceId, string? Text, QuoteKind? Kind = null, DateOnly? SaidOn = null, string? Place = null, Span? Span = null);

/// <summary>
/// A quote. Quotes of one speaker that render the same statement in different words share a <c>statementId</c>;
/// <c>variantCount</c> is how many others do.
/// </summary>
public sealed record QuoteResponse(
    Guid Id, SpeakerRef Speaker, SourceRef Source, QuoteKind Kind, string Text, DateOnly? SaidOn, string? Place, Span? Span,
    Guid StatementId, int VariantCount, DateTime CreatedAt, DateTime UpdatedAt)
{
    /// <summary>With <c>collapse=variants</c>: the sources of every variant of this statement.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SourceRef>? Sources { get; init; }

    /// <summary>
    /// On the quote's own GET: the stored claims it most likely makes, matched by its text and speaker (at most
    /// three scoring at least 0.6, see docs/matching.md); suggestions only, never linked.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Matching.ClaimMatch>? ClaimMatches { get; init; }
}

/// <summary>
/// Filters of the quote lists. <c>speaker</c> is an id or slug, <c>entity</c> an id, slug or any of its names;
/// <c>q</c> is a search (see /v1/search);
/// <c>collapse=variants</c> shows each statement once.
/// </summary>
public sealed record QuoteListQuery(
    [property: FromQuery(Name = "speaker")] string? Speaker,
    [property: FromQuery(Name = "source")] Guid? Source,
    [property: FromQuery(Name = "entity")] string? Entity,
    [property: FromQuery(Name = "language")] string? Language,
    [property: FromQuery(Name = "publisher")] string? Publisher,
    [property: FromQuery(Name = "q")] string? Q,
    [property: FromQuery(Name = "collapse")] string? Collapse,
    [property: FromQuery(Name = "from")] DateOnly? From,
    [property: FromQuery(Name = "to")] DateOnly? To,
    [property: FromQuery(Name = "limit")] int? Limit,
    [property: FromQuery(Name = "cursor")] string? Cursor) : IPageQuery;

/// <summary>Body of a merge: the quote to bring into this quote's statement.</summary>
public sealed record VariantRequest(Guid? QuoteId);
