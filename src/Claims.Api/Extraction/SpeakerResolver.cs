using Claims.Api.Speakers;

namespace Claims.Api.Extraction;

/// <summary>Who a cue's subject is, with the likeliest candidates, and how sure the resolution is (0 to 1).</summary>
internal sealed record Resolution(Entity? Speaker, IReadOnlyList<(Entity Entity, double Score)> Candidates, Attribution Attribution, double Certainty);

/// <summary>
/// Resolves a subject to an entity of the article: a name is its own; a pronoun the most salient earlier person
/// (or body) of its gender; a title the latest person holding it, a body noun ("the ministry") the latest body of
/// that kind. What cannot be resolved is null with the ranked candidates.
/// </summary>
internal sealed class SpeakerResolver(ArticleText article, EntityRegistry registry)
{
    private const int Horizon = 12; // sentences back a pronoun or title may reach

    public Resolution Resolve(Subject? subject, int position)
    {
        switch (subject?.Kind)
        {
            case SubjectKind.Name when subject.Name?.Entity is { } entity:
                return new(entity, [(entity, 1.0)], Attribution.Name, entity.Certain ? 1.0 : 0.8);
            case SubjectKind.Pronoun:
                return Pronoun(subject, position);
            case SubjectKind.Title:
                return Title(subject, position);
            default:
                return new(null, Ranked(position, e => e.Certain, null), Attribution.None, 0);
        }
    }

    private Resolution Pronoun(Subject subject, int position)
    {
        var word = article[subject.First];
        Func<Entity, bool> fits;
        Gender? gender = null;
        if (word.Equals("he", StringComparison.OrdinalIgnoreCase)) { gender = Gender.Male; fits = e => e.IsPerson; }
        else if (word.Equals("she", StringComparison.OrdinalIgnoreCase)) { gender = Gender.Female; fits = e => e.IsPerson; }
        else if (word.Equals("it", StringComparison.OrdinalIgnoreCase) || word.Equals("they", StringComparison.OrdinalIgnoreCase)) fits = e => !e.IsPerson;
        else return new(null, Ranked(position, e => e.IsPerson, null), Attribution.Pronoun, 0);
        return Choose(Ranked(position, fits, gender), subject, Attribution.Pronoun);
    }

    private Resolution Title(Subject subject, int position)
    {
        var head = NameFinder.StripPossessive(article[subject.Head]).ToString();
        if (Titles.IsRoleNoun(head) && !article.Is(subject.First, "a") && !article.Is(subject.First, "an"))
        {
            var words = RoleWords(subject.First, subject.Head + 1);
            var holders = Ranked(position, e => e.IsPerson && e.Titles.Any(t => HoldsTitle(t, words)), null);
            if (holders.Count > 0) return Choose(holders, subject, Attribution.Title);
        }
        else if (Organizations.IsReferringNoun(head) && !article.Is(subject.First, "a") && !article.Is(subject.First, "an"))
        {
            var kind = Organizations.KindOfReferringNoun(head);
            var bodies = Ranked(position, e => !e.IsPerson && (e.Name.Contains(head, StringComparison.OrdinalIgnoreCase) || (kind == SpeakerKind.Organization && IsGeneric(head) && e.Kind == kind)), null);
            if (bodies.Count > 0) return Choose(bodies, subject, Attribution.Title);
        }
        return new(null, Ranked(position, e => e.IsPerson, null), Attribution.Title, 0);
    }

    private static bool IsGeneric(string noun) => noun is "alliance" or "bloc" or "organisation" or "organization" or "agency" or "company" or "group";

    private Resolution Choose(List<(Entity Entity, double Score)> ranked, Subject subject, Attribution attribution)
    {
        if (ranked.Count == 0) return new(null, ranked, attribution, 0);
        var (best, score) = ranked[0];
        var margin = ranked.Count > 1 ? (score - ranked[1].Score) / score : 1.0;
        best.References.Add((subject.First, subject.End, attribution == Attribution.Title ? MentionKind.Title : MentionKind.Pronoun));
        return new(best, ranked, attribution, Math.Clamp(margin, 0, 1));
    }

    /// <summary>Entities mentioned before the position that fit, the most recent and most quoted first.</summary>
    private List<(Entity Entity, double Score)> Ranked(int position, Func<Entity, bool> fits, Gender? gender)
    {
        var sentence = article.SentenceOf[Math.Min(position, article.Tokens.Count - 1)];
        var ranked = new List<(Entity, double)>();
        foreach (var entity in registry.Entities)
        {
            if (!fits(entity)) continue;
            var last = LastMentionBefore(entity, position);
            if (last < 0) continue;
            var distance = sentence - article.SentenceOf[last];
            if (distance > Horizon) continue;
            var entityGender = entity.InferredGender;
            if (gender is not null && entityGender is not null && entityGender != gender) continue;
            var score = 1.0 / (1 + 0.5 * distance) + (entity.QuoteCount > 0 ? 0.3 : 0) + (gender is not null && entityGender == gender ? 0.2 : 0)
                        + (entity.Certain ? 0.1 : 0);
            ranked.Add((entity, score));
        }
        ranked.Sort((a, b) => b.Item2.CompareTo(a.Item2));
        if (ranked.Count > 3) ranked.RemoveRange(3, ranked.Count - 3);
        return ranked;
    }

    private static int LastMentionBefore(Entity entity, int position)
    {
        var last = -1;
        foreach (var mention in entity.NameMentions)
            if (mention.First < position) last = Math.Max(last, mention.NameFirst);
        foreach (var reference in entity.References)
            if (reference.First < position) last = Math.Max(last, reference.First);
        return last;
    }

    private List<string> RoleWords(int first, int end)
    {
        var words = new List<string>();
        for (var k = first; k < end; k++)
        {
            var word = NameFinder.StripPossessive(article[k]);
            if (article.Is(k, "the") || !(Titles.IsRoleNoun(word) || Titles.IsQualifier(word))) continue;
            foreach (var part in word.ToString().Split('-')) words.Add(part);
        }
        return words;
    }

    private static bool HoldsTitle(string title, List<string> words)
    {
        var titleWords = title.Split((char[])[' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        return words.All(w => titleWords.Any(t => t.Equals(w, StringComparison.OrdinalIgnoreCase)));
    }
}
