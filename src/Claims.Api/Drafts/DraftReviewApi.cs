using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Claims.Api.Extraction;

namespace Claims.Api.Drafts;

/// <summary>Reviewing a draft: its quotes and speakers changed or added. Each answers the draft as it now is, with its ETag.</summary>
public static class DraftReviewApi
{
    public static RouteGroupBuilder MapDraftReview(this RouteGroupBuilder group)
    {
        group.MapPatch("/{id:guid}/quotes/{number:int}", UpdateDraftQuote).WithName(nameof(UpdateDraftQuote))
            .AcceptsMergePatch<DraftQuoteRequest>().ProducesProblem(404).ProducesProblem(409).WithETag()
            .WithSummary("Reviews a draft quote with a JSON Merge Patch: status, speaker, kind, span or text. Honours If-Match.");
        group.MapPost("/{id:guid}/quotes", AddDraftQuote).WithName(nameof(AddDraftQuote)).Validate<DraftQuoteRequest>()
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).WithETag()
            .WithSummary("Adds a quote the extractor missed, by span or text; accepted unless a status is given. Honours If-Match.");
        group.MapPatch("/{id:guid}/speakers/{number:int}", UpdateDraftSpeaker).WithName(nameof(UpdateDraftSpeaker))
            .AcceptsMergePatch<DraftSpeakerRequest>().ProducesProblem(404).ProducesProblem(409).WithETag()
            .WithSummary("Matches a draft speaker to a stored one, or makes it new with a name, kind and titles. Honours If-Match.");
        group.MapPost("/{id:guid}/speakers", AddDraftSpeaker).WithName(nameof(AddDraftSpeaker)).Validate<DraftSpeakerRequest>()
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).WithETag()
            .WithSummary("Adds a draft speaker: a stored one (match) or a new one. Honours If-Match.");
        return group;
    }

    static async Task<Results<Ok<ExtractionDraft>, NotFound, ProblemHttpResult>> UpdateDraftQuote(
        Guid id, int number, HttpContext http, NpgsqlDataSource db, CancellationToken ct)
    {
        if (ConditionalWrites.NotMergePatch(http) is { } unsupported) return unsupported;
        if (await ReadPatchAsync(http, ct) is not { } patch) return NotAnObject("quote");
        return await DraftEdits.EditAsync(http, db, id, (conn, draft) =>
        {
            if (draft.Document.Quotes.FirstOrDefault(q => q.Number == number) is not { } quote)
                return NoSuch($"Draft {id} has no quote {number}.");
            var request = Merge(DraftQuoteEdits.AsRequest(quote), patch, http);
            return DraftQuoteEdits.ApplyAsync(conn, draft, quote, request, patch.ContainsKey("span"), patch.ContainsKey("text"), ct);
        }, ct);
    }

    static Task<Results<Ok<ExtractionDraft>, NotFound, ProblemHttpResult>> AddDraftQuote(
        Guid id, DraftQuoteRequest request, HttpContext http, NpgsqlDataSource db, CancellationToken ct) =>
        DraftEdits.EditAsync(http, db, id, (conn, draft) =>
            DraftQuoteEdits.ApplyAsync(conn, draft, null, request, request.Span is not null, request.Text is not null, ct), ct);

    static async Task<Results<Ok<ExtractionDraft>, NotFound, ProblemHttpResult>> UpdateDraftSpeaker(
        Guid id, int number, HttpContext http, NpgsqlDataSource db, IValidator<DraftSpeakerRequest> validator, CancellationToken ct)
    {
        if (ConditionalWrites.NotMergePatch(http) is { } unsupported) return unsupported;
        if (await ReadPatchAsync(http, ct) is not { } patch) return NotAnObject("speaker");
        return await DraftEdits.EditAsync(http, db, id, async (conn, draft) =>
        {
            if (draft.Document.Speakers.FirstOrDefault(s => s.Number == number) is not { } speaker)
                return await NoSuch($"Draft {id} has no speaker {number}.");
            var request = Merge(DraftSpeakerEdits.AsRequest(speaker), patch, http);
            var validation = await validator.ValidateAsync(request, ct);
            if (!validation.IsValid) return (null, DraftAnswers.Invalid(validation.ToErrors()));
            return await DraftSpeakerEdits.ApplyAsync(conn, draft, speaker, request, patch.ContainsKey("match"), ct);
        }, ct);
    }

    static Task<Results<Ok<ExtractionDraft>, NotFound, ProblemHttpResult>> AddDraftSpeaker(
        Guid id, DraftSpeakerRequest request, HttpContext http, NpgsqlDataSource db, CancellationToken ct) =>
        DraftEdits.EditAsync(http, db, id, (conn, draft) =>
            DraftSpeakerEdits.ApplyAsync(conn, draft, null, request, request.Match is not null, ct), ct);

    static async Task<JsonObject?> ReadPatchAsync(HttpContext http, CancellationToken ct) =>
        await ConditionalWrites.ReadPatchAsync(http, ct) as JsonObject;

    static T Merge<T>(T current, JsonObject patch, HttpContext http)
    {
        var typeInfo = (JsonTypeInfo<T>)ETags.JsonOptions(http).GetTypeInfo(typeof(T));
        return ConditionalWrites.Merge(System.Text.Json.JsonSerializer.SerializeToNode(current, typeInfo), patch, typeInfo);
    }

    static ProblemHttpResult NotAnObject(string what) =>
        DraftAnswers.Invalid("body", $"A merge patch of a draft {what} is a JSON object of the fields to change.");

    static Task<(DraftDocument?, ProblemHttpResult?)> NoSuch(string detail) =>
        Task.FromResult<(DraftDocument?, ProblemHttpResult?)>((null, DraftAnswers.NotFound(detail)));
}
