namespace Claims.Api.Extraction;

/// <summary>
/// An article to read: its text and what a source records about it (<c>body</c> is required), or the id of a stored
/// source, whose text is read. Body of POST /v1/extractions; also what an article file holds (see docs/extraction.md).
/// </summary>
public sealed record ArticleRequest(
    string? Url = null, string? Publisher = null, DateOnly? PublishedOn = null, string? Language = null, string? Title = null,
    string? Body = null, Guid? SourceId = null);
