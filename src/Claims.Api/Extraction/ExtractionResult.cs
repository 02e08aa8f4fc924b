using Claims.Api.Quotes;

namespace Claims.Api.Extraction;

/// <summary>Turns the drafts into the contract: ids in reading order, code-point spans, speakers that matter.</summary>
internal static class ExtractionResult
{
    public static ExtractedArticle Build(ArticleText article, EntityRegistry registry, List<FoundQuote> drafts)
    {
        var map = new CodePointMap(article.Text);
        var speakerIds = new Dictionary<Entity, int>();
        int SpeakerId(Entity entity) => speakerIds.TryGetValue(entity, out var id) ? id : speakerIds[entity] = speakerIds.Count + 1;

        var groupIds = new Dictionary<(QuoteKind, int), int>();
        var quotes = new List<ExtractedQuote>(drafts.Count);
        foreach (var draft in drafts)
        {
            var resolution = draft.Resolution;
            var speaker = resolution.Speaker is { } s ? SpeakerId(s) : (int?)null;
            var candidates = resolution.Candidates.Select(c => new SpeakerCandidate(SpeakerId(c.Entity), Math.Round(c.Score / (resolution.Candidates[0].Score + 1e-9) * (speaker is null ? 0.5 : 1), 3))).ToList();
            var groupKey = draft.Group > 0 ? (draft.Kind, draft.Group) : (draft.Kind, -quotes.Count - 1);
            if (!groupIds.TryGetValue(groupKey, out var group)) groupIds[groupKey] = group = groupIds.Count + 1;
            quotes.Add(new ExtractedQuote(
                quotes.Count + 1, draft.Kind, map.Span(draft.Start, draft.End), article.Text[draft.Start..draft.End], speaker, candidates,
                CueOf(article, map, draft.Cue), resolution.Attribution, Confidence.Of(draft), group));
        }
        // People the article surely names, quoted or not; bodies only when they speak or may have.
        foreach (var entity in registry.Entities)
            if (entity.IsPerson && entity.Name.Contains(' ') && (entity.Titles.Count > 0 || Forenames.IsForename(entity.Name.AsSpan(0, entity.Name.IndexOf(' ')))))
                SpeakerId(entity);

        var speakers = speakerIds.OrderBy(p => p.Value).Select(p => Speaker(article, map, p.Key, p.Value)).ToList();
        var warnings = article.Warnings.Select(w => new ExtractionWarning(w.Code, w.Message, map.Span(w.Start, w.End))).ToList();
        return new ExtractedArticle(speakers, quotes, warnings);
    }

    private static Cue? CueOf(ArticleText article, CodePointMap map, CueMatch? cue)
    {
        if (cue is null) return null;
        var start = article.Tokens[cue.First].Start;
        var end = article.Tokens[Math.Max(cue.First, cue.End - 1)].End;
        return new Cue(article.Text[start..end], map.Span(start, end));
    }

    private static ExtractedSpeaker Speaker(ArticleText article, CodePointMap map, Entity entity, int id)
    {
        var mentions = new List<SpeakerMention>();
        foreach (var mention in entity.NameMentions)
            mentions.Add(Mention(article, map, mention.NameFirst, mention.End, MentionKind.Name));
        foreach (var (first, end, kind) in entity.References)
            mentions.Add(Mention(article, map, first, end, kind));
        mentions.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return new ExtractedSpeaker(id, entity.Name, entity.Kind, entity.Titles, entity.IsPerson ? entity.InferredGender : null, mentions);
    }

    private static SpeakerMention Mention(ArticleText article, CodePointMap map, int first, int end, MentionKind kind)
    {
        var start = article.Tokens[first].Start;
        var stop = article.Tokens[Math.Max(first, end - 1)].End;
        var text = article.Text[start..stop];
        if (kind == MentionKind.Name && NameFinder.IsPossessive(text)) { text = text[..^2]; stop -= 2; }
        return new SpeakerMention(map.Span(start, stop), text, kind);
    }
}
