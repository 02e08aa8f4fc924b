using Claims.Api.Extraction;

namespace Claims.Api.Drafts;

/// <summary>A draft as made, before it is kept: with the stored source it was made from, as that source was then.</summary>
public sealed record MadeDraft(DraftDocument Document, Guid? SourceId, DateTime? SourceUpdatedAt);

/// <summary>Why an article cannot be read into a draft: a 4xx answer, naming the field when one is at fault.</summary>
public sealed record DraftRefusal(int Status, string Detail, string? Field = null, Guid? SourceId = null);

/// <summary>
/// Reads a valid article (see <see cref="ArticleRequestValidator"/>) into a draft: the source it is or would be, its
/// speakers matched to the stored ones, its quotes lined up with the stored quotes of its source. Nothing is written.
/// </summary>
public static class DraftMaker
{
    /// <summary>
    /// A stored source is reused: the one named by <c>sourceId</c>, or the one at the article's URL if it has the same
    /// text or none yet (the commit fills it in). One at the URL with another text is a conflict: the article names
    /// another version of it.
    /// </summary>
    public static async Task<(MadeDraft? Draft, DraftRefusal? Refusal)> MakeAsync(
        NpgsqlConnection conn, ArticleRequest article, double? minConfidence, CancellationToken ct)
    {
        var stored = await StoredArticle.FindAsync(conn, article.SourceId, article.SourceId is null ? article.Url : null, ct);
        DraftSource source;
        if (article.SourceId is { } id)
        {
            if (stored is null) return (null, new DraftRefusal(404, $"There is no source {id}."));
            if (ArticleRules.Problem(stored.Row.Body) is { } problem)
                return (null, new DraftRefusal(400, $"The text of source {id} {problem}.", "sourceId"));
            source = Reused(stored.Row, article);
        }
        else if (stored is null)
        {
            source = new DraftSource(null, article.Url!.Trim(), article.Title, article.Publisher, article.PublishedOn, article.Language, article.Body!);
        }
        else if (stored.Row.Body == article.Body || stored.Row.Body.Length == 0)
        {
            source = Reused(stored.Row, article);
        }
        else
        {
            return (null, new DraftRefusal(409,
                $"Source {stored.Row.Id} is stored at this URL with another text. To read the stored text, post {{\"sourceId\": \"{stored.Row.Id}\"}}; " +
                "to read this one, give it a URL of its own.", SourceId: stored.Row.Id));
        }

        var extracted = ArticleExtractor.Extract(source.Body);
        var matches = await SpeakerMatching.MatchAsync(conn, extracted.Speakers, ct);
        var document = DraftBuilder.Build(source, extracted, matches, stored?.Quotes ?? [], minConfidence);
        return (new MadeDraft(document, stored?.Row.Id, stored?.Row.UpdatedAt), null);
    }

    /// <summary>The stored source's fields, completed by the article's where it has none, and its text or else the article's.</summary>
    static DraftSource Reused(StoredArticle.Source row, ArticleRequest article) => new(
        row.Id, row.Url, row.Title ?? article.Title, row.Publisher ?? article.Publisher, row.PublishedOn ?? article.PublishedOn,
        row.Language ?? article.Language, row.Body.Length > 0 ? row.Body : article.Body!);
}
