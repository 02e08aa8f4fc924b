using System.Text.Json;
using System.Text.Json.Serialization;

namespace Claims.Api.Transfer.Formats.FactCheck;

/// <summary>
/// One claim of a Fact Check Tools <c>claims:search</c> answer as the feed writes it. Every field is optional and dates
/// stay text here, so that the format can say which field of which claim is wrong rather than fail the whole parse.
/// </summary>
sealed class FeedClaim
{
    public string? Text { get; init; }
    public string? Claimant { get; init; }
    public string? ClaimDate { get; init; }
    public List<FeedReview?>? ClaimReview { get; init; }
}

sealed class FeedReview
{
    public FeedPublisher? Publisher { get; init; }
    public string? Url { get; init; }
    public string? Title { get; init; }
    public string? ReviewDate { get; init; }
    public string? TextualRating { get; init; }
    public string? LanguageCode { get; init; }
}

sealed class FeedPublisher
{
    public string? Name { get; init; }
    public string? Site { get; init; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(FeedClaim))]
sealed partial class FeedJsonContext : JsonSerializerContext;
