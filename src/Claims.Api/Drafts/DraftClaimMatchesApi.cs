using Claims.Api.Matching;

namespace Claims.Api.Drafts;

/// <summary>
/// The stored claims a draft's quotes most likely make: suggestions for the reviewer, never links. They are asked for
/// beside the draft rather than kept in it, because they follow the claims as they are now, and matching costs a few
/// tens of milliseconds a quote, which the draft's own answers should not pay.
/// </summary>
public static class DraftClaimMatchesApi
{
    public static RouteGroupBuilder MapDraftClaimMatches(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/claim-matches", MatchDraftClaims).WithName(nameof(MatchDraftClaims))
            .WithSummary($"For each quote of a draft not rejected, the stored claims it most likely makes: at most {MatchesApi.Suggestions}, " +
                         "each scoring at least the suggestion threshold, as a stored quote's claimMatches.");
        group.MapGet("/{id:guid}/quotes/{number:int}/claim-matches", MatchDraftQuoteClaims).WithName(nameof(MatchDraftQuoteClaims))
            .Validate<QuoteMatchQuery>().ProducesProblem(404)
            .WithSummary("Ranks the stored claims a draft quote most likely makes, as GET /v1/quotes/{id}/claim-matches does for a stored quote.");
        return group;
    }

    static async Task<Results<Ok<DraftClaimMatches>, NotFound>> MatchDraftClaims(
        Guid id, NpgsqlDataSource db, ClaimMatcher matcher, CancellationToken ct)
    {
        if (await FindAsync(db, id, ct) is not { } draft) return TypedResults.NotFound();
        var items = new List<DraftQuoteClaimMatches>();
        var mode = MatchMode.LexicalAndSemantic;
        foreach (var quote in draft.Quotes.Where(q => q.Status != DraftQuoteStatus.Rejected))
        {
            var page = await matcher.MatchAsync(quote.Text, SpeakerHint(draft, quote), MatchesApi.Suggestions, MatchesApi.SuggestionThreshold, ct);
            if (page.Mode == MatchMode.Lexical) mode = MatchMode.Lexical;
            items.Add(new DraftQuoteClaimMatches(quote.Number, page.Items));
        }
        return TypedResults.Ok(new DraftClaimMatches(items, mode));
    }

    static async Task<Results<Ok<MatchPage>, NotFound, ProblemHttpResult>> MatchDraftQuoteClaims(
        Guid id, int number, [AsParameters] QuoteMatchQuery query, NpgsqlDataSource db, ClaimMatcher matcher, CancellationToken ct)
    {
        if (await FindAsync(db, id, ct) is not { } draft) return TypedResults.NotFound();
        if (draft.Quotes.FirstOrDefault(q => q.Number == number) is not { } quote)
            return DraftAnswers.NotFound($"Draft {id} has no quote {number}.");
        return TypedResults.Ok(await matcher.MatchAsync(quote.Text, SpeakerHint(draft, quote), query.Limit ?? MatchQuery.DefaultLimit, 0, ct));
    }

    static async Task<DraftDocument?> FindAsync(NpgsqlDataSource db, Guid id, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await DraftStore.GetAsync(conn, id, ct))?.Document;
    }

    /// <summary>The stored speaker the quote's speaker is matched to, else the name the article gives them.</summary>
    static string? SpeakerHint(DraftDocument draft, DraftQuotation quote) =>
        draft.Speakers.FirstOrDefault(s => s.Number == quote.Speaker) is { } speaker ? speaker.Match?.Id.ToString() ?? speaker.Name : null;
}
