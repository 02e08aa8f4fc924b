using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Claims.Api.Arguments;
using Claims.Api.Changes;
using Claims.Api.Claims;
using Claims.Api.Entities;
using Claims.Api.Matching;
using Claims.Api.Drafts;
using Claims.Api.Extraction;
using Claims.Api.Quotes;
using Claims.Api.Reviews;
using Claims.Api.Search;
using Claims.Api.Seeding;
using Claims.Api.Sources;
using Claims.Api.Speakers;
using Claims.Api.Transfer;

namespace Claims.Api.Infrastructure.Json;

/// <summary>Source-generated serialisation for everything the API reads and writes; first in the resolver chain.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(SpeakerRequest))]
[JsonSerializable(typeof(SpeakerResponse))]
[JsonSerializable(typeof(Page<SpeakerResponse>))]
[JsonSerializable(typeof(Page<SpeakerClaim>))]
[JsonSerializable(typeof(IReadOnlyList<ReviewRating>))]
[JsonSerializable(typeof(SourceRequest))]
[JsonSerializable(typeof(SourceDetail))]
[JsonSerializable(typeof(Page<SourceResponse>))]
[JsonSerializable(typeof(QuoteRequest))]
[JsonSerializable(typeof(QuoteResponse))]
[JsonSerializable(typeof(Page<QuoteResponse>))]
[JsonSerializable(typeof(IReadOnlyList<SourceRef>))]
[JsonSerializable(typeof(VariantRequest))]
[JsonSerializable(typeof(ClaimRequest))]
[JsonSerializable(typeof(ClaimResponse))]
[JsonSerializable(typeof(ClaimDetail))]
[JsonSerializable(typeof(Page<ClaimResponse>))]
[JsonSerializable(typeof(ClaimLinkRequest))]
[JsonSerializable(typeof(ClaimRef))]
[JsonSerializable(typeof(StanceRequest))]
[JsonSerializable(typeof(StanceResponse))]
[JsonSerializable(typeof(ClaimGraph))]
[JsonSerializable(typeof(AifNodeset))]
[JsonSerializable(typeof(AifGraphRows))]
[JsonSerializable(typeof(ReviewRequest))]
[JsonSerializable(typeof(ReviewResponse))]
[JsonSerializable(typeof(Page<ReviewResponse>))]
[JsonSerializable(typeof(LdClaimReview[]))]
[JsonSerializable(typeof(LdClaim))]
[JsonSerializable(typeof(FactCheckPage))]
[JsonSerializable(typeof(SeedKnowledgeBase))]
[JsonSerializable(typeof(ChangesPage))]
[JsonSerializable(typeof(Page<SearchHit>))]
[JsonSerializable(typeof(EntityRequest))]
[JsonSerializable(typeof(EntityDetail))]
[JsonSerializable(typeof(Page<EntityResponse>))]
[JsonSerializable(typeof(MentionRequest))]
[JsonSerializable(typeof(MentionResponse))]
[JsonSerializable(typeof(ImportReport))]
[JsonSerializable(typeof(MatchQuery))]
[JsonSerializable(typeof(MatchRequest))]
[JsonSerializable(typeof(MatchPage))]
[JsonSerializable(typeof(MatchingStatus))]
[JsonSerializable(typeof(ArticleRequest))]
[JsonSerializable(typeof(ExtractionDraft))]
[JsonSerializable(typeof(DraftDocument))]
[JsonSerializable(typeof(DraftClaimMatches))]
[JsonSerializable(typeof(Page<ExtractionSummary>))]
[JsonSerializable(typeof(DraftQuoteRequest))]
[JsonSerializable(typeof(DraftSpeakerRequest))]
[JsonSerializable(typeof(CommitRequest))]
[JsonSerializable(typeof(CommitResult))]
public sealed partial class AppJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The API's JSON: this context first, enums as camelCase words (numbers refused, so 'kind': 1 is a 400), a key given
    /// twice refused (see <see cref="DuplicateKeys"/>), and text as UTF-8 rather than \u escapes: the answers are JSON,
    /// never HTML, and much of the text is Arabic.
    /// </summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.AllowDuplicateProperties = false;
        options.TypeInfoResolverChain.Insert(0, Default);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    }

    /// <summary>The API's JSON outside a request, for what is kept in the database as JSON, such as drafts.</summary>
    public static JsonSerializerOptions ApiOptions => ConfiguredOptions.Value;

    // Lazy: a static initializer would run before the generated part's own.
    static readonly Lazy<JsonSerializerOptions> ConfiguredOptions = new(() =>
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    });
}
