using Claims.Api.Speakers;
using Microsoft.AspNetCore.Mvc;

namespace Claims.Api.Matching;

/// <summary>
/// <c>text</c>: the sentence (1 to 5,000 characters); <c>speaker</c>: who said it, a hint (id, slug or name) that ranks
/// the claims that speaker asserts higher, ignored when it names no one; <c>limit</c>: 1 to 50, default 10.
/// </summary>
public sealed record MatchQuery(
    [property: FromQuery(Name = "text")] string? Text,
    [property: FromQuery(Name = "speaker")] string? Speaker,
    [property: FromQuery(Name = "limit")] int? Limit) : IMatchInput
{
    public const int DefaultLimit = 10, MaxLimit = 50, MaxTextLength = 5_000, MaxSpeakerLength = 200;
}

/// <summary>The body of <c>POST /v1/claims/matches</c>, for text too long for a URL: the same fields as the query.</summary>
public sealed record MatchRequest(string? Text, string? Speaker = null, int? Limit = null) : IMatchInput;

public interface IMatchInput
{
    string? Text { get; }
    string? Speaker { get; }
    int? Limit { get; }
}

public enum MatchMode { Lexical, LexicalAndSemantic }

/// <summary>
/// The matches, best first. <c>speaker</c> is whom the hint named (null when it named no one, or there was none);
/// <c>mode</c> says whether the sentence's meaning was compared too, or only its words (the model off or still loading).
/// </summary>
public sealed record MatchPage(IReadOnlyList<ClaimMatch> Items, SpeakerRef? Speaker, MatchMode Mode);

/// <summary>
/// <c>score</c> is the fused score (0 to about 1.1): <c>lexical</c> (BM25 over the best match's, 0 to 1) mixed with
/// <c>semantic</c> (cosine similarity, null for a claim not yet embedded), plus a boost when <c>assertedBySpeaker</c>.
/// </summary>
public sealed record ClaimMatch(MatchedClaim Claim, float Score, float Lexical, float? Semantic, bool AssertedBySpeaker);

public sealed record MatchedClaim(Guid Id, string Slug, string Text, IReadOnlyList<string> Topics, IReadOnlyList<ReviewRating> Ratings);
