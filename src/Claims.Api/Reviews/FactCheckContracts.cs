using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace Claims.Api.Reviews;

/// <summary>
/// The parameters of Google's Fact Check Tools <c>claims:search</c>: <c>query</c> (required; the search of /v1/search),
/// <c>languageCode</c> (the review's language: "ar" also takes "ar-EG"), <c>maxAgeDays</c> (reviews at most this
/// many days old), <c>reviewPublisherSiteFilter</c> (a domain), <c>pageSize</c> (1–100, default 10), <c>pageToken</c>.
/// </summary>
public sealed record FactCheckQuery(
    [property: FromQuery(Name = "query")] string? Query,
    [property: FromQuery(Name = "languageCode")] string? LanguageCode,
    [property: FromQuery(Name = "maxAgeDays")] int? MaxAgeDays,
    [property: FromQuery(Name = "reviewPublisherSiteFilter")] string? ReviewPublisherSiteFilter,
    [property: FromQuery(Name = "pageSize")] int? PageSize,
    [property: FromQuery(Name = "pageToken")] string? PageToken)
{
    public const int DefaultPageSize = 10;

    public int Take() => PageSize ?? DefaultPageSize;
}

/// <summary>Google's answer: the claims with their matching reviews, and the token of the next page when there is one.</summary>
public sealed record FactCheckPage(
    IReadOnlyList<FactCheckClaim> Claims,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NextPageToken);

/// <summary>
/// <c>claimant</c>: the first speaker to assert the claim; <c>claimDate</c>: when they said it (the stance's date, else its
/// evidence quote's).
/// </summary>
public sealed record FactCheckClaim(
    string Text,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Claimant,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTime? ClaimDate,
    IReadOnlyList<FactCheckReview> ClaimReview);

public sealed record FactCheckReview(
    FactCheckPublisher Publisher,
    string Url,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Title,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTime? ReviewDate,
    string TextualRating,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LanguageCode);

public sealed record FactCheckPublisher(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name,
    string Site);
