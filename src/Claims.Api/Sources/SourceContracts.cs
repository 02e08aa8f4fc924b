using Microsoft.AspNetCore.Mvc;

namespace Claims.Api.Sources;

/// <summary>Body of POST and PUT. <c>body</c> is the document's full text, kept so every quote can be checked against it.</summary>
public sealed record SourceRequest(
    string? Url, string? Title = null, string? Publisher = null, DateOnly? PublishedOn = null, string? Language = null, string? Body = null);

public record SourceResponse
{
    public Guid Id { get; init; }
    public string Url { get; init; } = "";
    public string? Title { get; init; }
    public string? Publisher { get; init; }
    public DateOnly? PublishedOn { get; init; }
    public string? Language { get; init; }
    /// <summary>Length of the full text in Unicode code points, the unit of quote spans.</summary>
    public int BodyLength { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}

/// <summary>A source with its full text.</summary>
public sealed record SourceDetail : SourceResponse
{
    public string Body { get; init; } = "";
}

/// <summary>A source as embedded in a quote.</summary>
public sealed record SourceRef(Guid Id, string Url, string? Title, string? Publisher, DateOnly? PublishedOn);

/// <summary>Filters of the source list: <c>publisher</c>, <c>language</c>, publication dates, and <c>q</c>, a search of titles and publishers.</summary>
public sealed record SourceListQuery(
    [property: FromQuery(Name = "publisher")] string? Publisher,
    [property: FromQuery(Name = "language")] string? Language,
    [property: FromQuery(Name = "q")] string? Q,
    [property: FromQuery(Name = "from")] DateOnly? From,
    [property: FromQuery(Name = "to")] DateOnly? To,
    [property: FromQuery(Name = "limit")] int? Limit,
    [property: FromQuery(Name = "cursor")] string? Cursor) : IPageQuery;
