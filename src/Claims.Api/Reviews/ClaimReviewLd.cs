using System.Text.Json.Serialization;
using Claims.Api.Claims;
using Claims.Api.Speakers;

namespace Claims.Api.Reviews;

/// <summary>schema.org ClaimReview: one fact-check's verdict on a claim.</summary>
public sealed record LdClaimReview(
    [property: JsonPropertyName("@context")] string Context,
    [property: JsonPropertyName("@type")] string Type,
    string ClaimReviewed,
    LdRating ReviewRating,
    string Url,
    LdAgent Author,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? DatePublished,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Headline,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? InLanguage,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ReviewBody,
    LdClaim ItemReviewed);

/// <summary>The verdict: the publisher's words, and numbers from the normalised scale (none for "other").</summary>
public sealed record LdRating(
    [property: JsonPropertyName("@type")] string Type,
    string AlternateName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? RatingValue,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? BestRating,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? WorstRating);

/// <summary>A Person, Organization or GovernmentOrganization.</summary>
public sealed record LdAgent(
    [property: JsonPropertyName("@type")] string Type,
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Url);

/// <summary>
/// schema.org Claim: who asserts it, when it was first said (null when no evidence quote has a date) and where it
/// appeared. Standing alone it carries its own <c>@context</c> and <c>text</c>; inside a review, <c>claimReviewed</c> has the text.
/// </summary>
public sealed record LdClaim(
    [property: JsonPropertyName("@context"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Context,
    [property: JsonPropertyName("@type")] string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text,
    IReadOnlyList<LdAgent> Author,
    DateOnly? DatePublished,
    IReadOnlyList<LdAppearance> Appearance);

public sealed record LdAppearance(
    [property: JsonPropertyName("@type")] string Type,
    string Url,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Headline,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LdAgent? Publisher,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? DatePublished);

/// <summary>A claim as JSON-LD: an array of ClaimReview, one per review, or the Claim alone when nobody has reviewed it.</summary>
public static class ClaimReviewLd
{
    const string Schema = "https://schema.org";

    /// <summary>The claim is asserted by its asserting stances' speakers, and appeared where their evidence quotes were published.</summary>
    public static object From(ClaimDetail claim, IReadOnlyDictionary<Guid, SpeakerKind> kinds)
    {
        var asserting = claim.Stances.Where(s => s.Position == StancePosition.Asserts).ToList();
        var evidence = asserting.Where(s => s.Quote is not null).Select(s => s.Quote!).ToList();
        var authors = asserting.Select(s => new LdAgent(TypeOf(kinds.GetValueOrDefault(s.Speaker.Id)), s.Speaker.Name, null)).ToList();
        var appearances = evidence.Select(q => q.Source).DistinctBy(s => s.Id)
            .Select(s => new LdAppearance("CreativeWork", s.Url, s.Title, s.Publisher is { } p ? new LdAgent("Organization", p, null) : null, s.PublishedOn))
            .ToList();
        var firstSaid = evidence.Min(q => q.SaidOn);

        if (claim.Reviews.Count == 0) return new LdClaim(Schema, "Claim", claim.Text, authors, firstSaid, appearances);

        var item = new LdClaim(null, "Claim", null, authors, firstSaid, appearances);
        return claim.Reviews.Select(r => new LdClaimReview(
            Schema, "ClaimReview", claim.Text,
            RatingOf(r),
            r.Url,
            new LdAgent("Organization", r.PublisherName ?? r.PublisherSite, $"https://{r.PublisherSite}"),
            r.ReviewedOn, r.Title, r.Language, r.Text, item)).ToArray();
    }

    static LdRating RatingOf(ReviewResponse review) => RatingScale.Score(review.Rating) is { } score
        ? new LdRating("Rating", review.TextualRating(), score, RatingScale.BestScore, RatingScale.WorstScore)
        : new LdRating("Rating", review.TextualRating(), null, null, null);

    static string TypeOf(SpeakerKind kind) => kind switch
    {
        SpeakerKind.Person => "Person",
        SpeakerKind.Government => "GovernmentOrganization",
        _ => "Organization",
    };
}
