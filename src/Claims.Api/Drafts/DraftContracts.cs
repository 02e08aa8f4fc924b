using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Claims.Api.Quotes;
using Claims.Api.Speakers;
using Claims.Api.Extraction;

namespace Claims.Api.Drafts;

/// <summary><c>minConfidence</c> of POST /v1/extractions: quotes the extractor is less sure of are left out of the draft.</summary>
public sealed record ExtractionQuery([property: FromQuery(Name = "minConfidence")] double? MinConfidence);

/// <summary>Filters of the draft list: <c>status</c>, open or committed; newest first.</summary>
public sealed record ExtractionListQuery(
    [property: FromQuery(Name = "status")] string? Status,
    [property: FromQuery(Name = "limit")] int? Limit,
    [property: FromQuery(Name = "cursor")] string? Cursor) : IPageQuery;

/// <summary>
/// A quote to add to a draft, or (as a JSON Merge Patch) the changes to one: its text by <c>span</c> (code points into
/// the body), by <c>text</c> (which must occur in the body), or both, agreeing; <c>speaker</c> a draft speaker's number,
/// or a stored speaker's id or slug.
/// </summary>
public sealed record DraftQuoteRequest(
    DraftQuoteStatus? Status = null, JsonElement? Speaker = null, QuoteKind? Kind = null, Span? Span = null, string? Text = null);

/// <summary>
/// A speaker to add to a draft, or (as a JSON Merge Patch) the changes to one: <c>match</c> is the stored speaker it
/// is (id or slug), null for a new one, which the commit creates with the name, kind and first title.
/// </summary>
public sealed record DraftSpeakerRequest(string? Name = null, SpeakerKind? Kind = null, string[]? Titles = null, string? Match = null);

/// <summary>Body of a commit, optional: pending quotes with at least this confidence (and a speaker) are committed too.</summary>
public sealed record CommitRequest(double? MinConfidence = null);

public enum DraftStatus { Preview, Open, Committed }

/// <summary>
/// A draft quote's review: <c>pending</c> as extracted, <c>accepted</c> or <c>rejected</c> by a reviewer, <c>stored</c>
/// when it is a quote of the knowledge base (see <see cref="DraftQuotation.QuoteId"/>).
/// </summary>
public enum DraftQuoteStatus { Pending, Accepted, Rejected, Stored }

/// <summary>
/// What an article is, or would be, as a source: the stored source's fields when one is reused (<c>sourceId</c>),
/// completed by the article's where the stored one has none.
/// </summary>
public sealed record DraftSource(
    Guid? SourceId, string Url, string? Title, string? Publisher, DateOnly? PublishedOn, string? Language, string Body)
{
    /// <summary>The body's length in code points, the unit of spans.</summary>
    public int BodyLength => BodyText.CodePoints(Body);
}

/// <summary>
/// A speaker of the draft, by its number. <c>match</c> is the stored speaker it is; null means the commit creates it
/// with this name, kind and first title.
/// </summary>
public sealed record DraftSpeaker(
    int Number, string Name, SpeakerKind Kind, IReadOnlyList<string> Titles, Gender? Gender, IReadOnlyList<SpeakerMention> Mentions,
    SpeakerRef? Match);

/// <summary>
/// A quotation of the draft, by its number. <c>speaker</c> is a draft speaker's number, or null with ranked
/// <c>candidates</c> (draft speaker numbers); spans of one utterance share a <c>group</c>. A <c>stored</c> one is
/// quote <c>quoteId</c> of the knowledge base.
/// </summary>
public sealed record DraftQuotation(
    int Number, QuoteKind Kind, string Text, Span Span, int? Speaker, IReadOnlyList<SpeakerCandidate> Candidates, Cue? Cue,
    Attribution Attribution, double Confidence, int Group, DraftQuoteStatus Status, Guid? QuoteId = null);

/// <summary>What a draft holds, as it is kept between requests.</summary>
public sealed record DraftDocument(
    DraftSource Source, IReadOnlyList<DraftSpeaker> Speakers, IReadOnlyList<DraftQuotation> Quotes, IReadOnlyList<ExtractionWarning> Warnings);

/// <summary>
/// A draft: an article read into who said what, to review and commit. A preview has no id and is not kept; a committed
/// one says what its commit wrote.
/// </summary>
public sealed record ExtractionDraft(
    Guid? Id, DraftStatus Status, DraftSource Source, IReadOnlyList<DraftSpeaker> Speakers, IReadOnlyList<DraftQuotation> Quotes,
    IReadOnlyList<ExtractionWarning> Warnings, DateTime? CreatedAt = null, DateTime? UpdatedAt = null, CommitResult? Commit = null);

/// <summary>A draft in the list.</summary>
public sealed record ExtractionSummary(
    Guid Id, DraftStatus Status, string Url, string? Title, int Speakers, int Quotes, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>The claims each quote of a draft (not rejected) most likely makes; <c>mode</c> as in a match.</summary>
public sealed record DraftClaimMatches(IReadOnlyList<DraftQuoteClaimMatches> Items, Matching.MatchMode Mode);

/// <summary>Draft quote <c>quote</c>'s suggestions, best first; none when no claim scores the threshold.</summary>
public sealed record DraftQuoteClaimMatches(int Quote, IReadOnlyList<Matching.ClaimMatch> Matches);

public enum CommittedAction { Created, Updated, Unchanged }

/// <summary>What a commit wrote: the source (created, its body filled in, or reused unchanged), the speakers and quotes it created.</summary>
public sealed record CommitResult(
    CommittedSource Source, IReadOnlyList<CommittedSpeaker> Speakers, IReadOnlyList<CommittedQuote> Quotes, DateTime CommittedAt);

public sealed record CommittedSource(Guid Id, string Location, CommittedAction Action);

/// <summary>A speaker the commit created for draft speaker <c>number</c>.</summary>
public sealed record CommittedSpeaker(int Number, Guid Id, string Slug, string Location);

/// <summary>A quote the commit created for draft quote <c>number</c>.</summary>
public sealed record CommittedQuote(int Number, Guid Id, string Location);
