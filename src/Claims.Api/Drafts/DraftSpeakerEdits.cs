using Claims.Api.Speakers;
using Claims.Api.Extraction;

namespace Claims.Api.Drafts;

/// <summary>
/// A reviewer's speaker, changed or added: matched to a stored speaker (<c>match</c>, an id or slug), or made new
/// (<c>match</c> null) with a name, kind and titles, which the commit creates if a committed quote needs it.
/// </summary>
public static class DraftSpeakerEdits
{
    /// <summary>A speaker as the request that would write it: what a merge patch applies to.</summary>
    public static DraftSpeakerRequest AsRequest(DraftSpeaker speaker) => new(speaker.Name, speaker.Kind, [.. speaker.Titles], speaker.Match?.Slug);

    /// <summary>The draft with <paramref name="current"/> changed, or a new speaker added when it is null.</summary>
    public static async Task<(DraftDocument?, ProblemHttpResult?)> ApplyAsync(
        NpgsqlConnection conn, StoredDraft draft, DraftSpeaker? current, DraftSpeakerRequest request, bool matchGiven, CancellationToken ct)
    {
        var match = current?.Match;
        SpeakerMatching.Candidate? stored = null;
        if (matchGiven && request.Match is { } idOrSlug)
        {
            stored = await SpeakerMatching.FindAsync(conn, idOrSlug, ct);
            if (stored is null) return (null, DraftAnswers.Invalid("match", $"There is no stored speaker '{idOrSlug}'."));
            match = stored.Ref;
        }
        else if (matchGiven)
        {
            match = null;
        }
        if ((request.Name ?? stored?.Name) is not { } name)
            return (null, DraftAnswers.Invalid("name", "A speaker that matches no stored one needs a 'name'."));

        var document = draft.Document;
        var speaker = new DraftSpeaker(
            current?.Number ?? document.Speakers.Select(s => s.Number).DefaultIfEmpty(0).Max() + 1,
            name.Trim(), request.Kind ?? stored?.Kind ?? SpeakerKind.Person,
            request.Titles ?? (stored?.Title is { } title ? [title] : []), current?.Gender, current?.Mentions ?? [], match);
        var speakers = document.Speakers.Where(s => s.Number != speaker.Number).Append(speaker).OrderBy(s => s.Number).ToList();
        return (document with { Speakers = speakers }, null);
    }
}

public sealed class DraftSpeakerRequestValidator : AbstractValidator<DraftSpeakerRequest>
{
    public DraftSpeakerRequestValidator()
    {
        RuleFor(r => r.Name).OptionalText(CommonRules.MaxNameLength);
        RuleFor(r => r.Kind!.Value).DefinedEnum().OverridePropertyName("kind").When(r => r.Kind is not null);
        RuleFor(r => r.Titles).Must(t => t!.Length <= 20).WithMessage("'titles' holds at most 20.").When(r => r.Titles is not null);
        RuleForEach(r => r.Titles).RequiredText(CommonRules.MaxNameLength);
        RuleFor(r => r.Match).StorableText(CommonRules.MaxNameLength);
    }
}

public sealed class DraftQuoteRequestValidator : AbstractValidator<DraftQuoteRequest>
{
    public DraftQuoteRequestValidator()
    {
        RuleFor(r => r.Status!.Value).DefinedEnum().OverridePropertyName("status").When(r => r.Status is not null);
        RuleFor(r => r.Kind!.Value).DefinedEnum().OverridePropertyName("kind").When(r => r.Kind is not null);
        RuleFor(r => r.Text).StorableText(CommonRules.MaxTextLength);
    }
}
