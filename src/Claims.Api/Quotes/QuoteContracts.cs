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

public sealed record QuoteResponse(
    Guid Id, SpeakerRef Speaker, SourceRef Source, QuoteKind Kind, string Text, DateOnly? SaidOn, string? Place, Span? Span,
    DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>Filters of the quote lists. <c>speaker</c> is an id or a slug.</summary>
public sealed record QuoteListQuery(
    [property: FromQuery(Name = "speaker")] string? Speaker,
    [property: FromQuery(Name = "source")] Guid? Source,
    [property: FromQuery(Name = "from")] DateOnly? From,
    [property: FromQuery(Name = "to")] DateOnly? To,
    [property: FromQuery(Name = "limit")] int? Limit,
    [property: FromQuery(Name = "cursor")] string? Cursor) : IPageQuery;
