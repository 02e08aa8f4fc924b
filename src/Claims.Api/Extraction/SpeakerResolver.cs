using Claims.Api.Speakers;

namespace Claims.Api.Extraction;

/// <summary>Who a cue's subject is, with the likeliest candidates, and how sure the resolution is (0 to 1).</summary>
internal sealed record Resolution(Entity? Speaker, IReadOnlyList<(Entity Entity, double Score)> Candidates, Attribution Attribution, double Certainty);

/// <summary>
/// Resolves a subject to an entity of the article: a name is its own; a pronoun the most salient earlier person
/// (or body) of its gender; a title the latest person holding it, a body noun ("the ministry") the latest body of
/// that kind. What cannot be resolved is null with the ranked candidates.
/// </summary>
internal sealed class SpeakerResolver(ArticleText article, EntityRegistry registry, SubjectParser subjects)
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
        if (word.Equals("he", StringComparison.OrdinalIgnoreCase)) { gender = Gender.Male; fits = IsSomeone; }
        else if (word.Equals("she", StringComparison.OrdinalIgnoreCase)) { gender = Gender.Female; fits = IsSomeone; }
        else if (word.Equals("it", StringComparison.OrdinalIgnoreCase) || word.Equals("they", StringComparison.OrdinalIgnoreCase)) fits = e => !e.IsPerson;
        else return new(null, Ranked(position, e => e.IsPerson, null), Attribution.Pronoun, 0);
        return Choose(Ranked(position, fits, gender), subject, Attribution.Pronoun);
    }

    private Resolution Title(Subject subject, int position)
    {
        var head = NameFinder.StripPossessive(article[subject.Head]).ToString();
        // "A Department of Health and Social Care spokesperson said": the body the spokesperson speaks for.
        if (subjects.IsSpokesperson(subject.Head) && BodyWithin(subject.First, subject.Head) is { } body)
        {
            body.References.Add((subject.First, subject.End, MentionKind.Title));
            return new(body, [(body, 1.0)], Attribution.Title, 1);
        }
        // "A university spokesman said": the university already named.
        if (subjects.IsSpokesperson(subject.Head) && subject.Head > subject.First && Organizations.IsReferringNoun(article[subject.Head - 1]))
            return Title(new Subject(SubjectKind.Title, subject.Head - 1, subject.Head, Head: subject.Head - 1), position);
        if (Titles.IsRoleNoun(head) && !subject.Indefinite)
        {
            var words = RoleWords(subject.First, subject.Head + 1);
            var holders = Ranked(position, e => e.IsPerson && e.Titles.Any(t => HoldsTitle(t, words)), null);
            // A lede's "the Health Secretary has said" names the holder only further on.
            if (holders.Count == 0) holders = Ranked(int.MaxValue, e => e.IsPerson && e.Titles.Any(t => HoldsTitle(t, words)), null);
            if (holders.Count > 0) return Choose(holders, subject, Attribution.Title);
        }
        else if (Organizations.IsReferringNoun(head) && !subject.Indefinite)
        {
            var kind = Organizations.KindOfReferringNoun(head);
            // "the ministry" is the latest ministry named; "the finance ministry" only one of that name.
            var description = Description(subject);
            var bodies = Ranked(position, e => !e.IsPerson && (description.Contains(' ')
                ? e.Name.Contains(description, StringComparison.OrdinalIgnoreCase)
                : e.Name.Contains(head, StringComparison.OrdinalIgnoreCase) || (kind == SpeakerKind.Organization && IsGeneric(head) && e.Kind == kind)), null);
            if (bodies.Count > 0) return Choose(bodies, subject, Attribution.Title);
            if (Described(subject, kind) is { } described) return Choose([(described, 1.0)], subject, Attribution.Title);
        }
        return new(null, Ranked(position, e => e.IsPerson, null), Attribution.Title, 0);
    }

    /// <summary>
    /// "the port authority said", "the city's mobility department announced": a body the article names only by
    /// description is a speaker under that description (without "the"); "a ministry" is nobody in particular.
    /// </summary>
    private Entity? Described(Subject subject, SpeakerKind kind)
    {
        if (!article.Is(subject.First, "the") && !NameFinder.IsPossessive(article[subject.First])) return null;
        var name = Description(subject);
        if (name.Length == 0) return null;
        foreach (var entity in registry.Entities)
            if (!entity.IsPerson && EntityRegistry.SameName(entity.Name, name)) return entity;
        var created = new Entity(registry.Entities.Count, kind, name) { Certain = true };
        registry.Entities.Add(created);
        return created;
    }

    private Entity? BodyWithin(int first, int end)
    {
        for (var i = registry.MentionIndexAtOrBefore(end - 1); i >= 0 && registry.Mentions[i].First >= first; i--)
            if (registry.Mentions[i].Entity is { IsPerson: false } body) return body;
        return null;
    }

    /// <summary>A person surely named as one, or one who speaks: not a capitalised word that may be anything.</summary>
    private static bool IsSomeone(Entity e) => e.IsPerson && (e.Certain || e.QuoteCount > 0);

    /// <summary>The subject's words without its determiner: "port authority", "governor’s office".</summary>
    private string Description(Subject subject)
    {
        var first = article.Is(subject.First, "the") ? subject.First + 1 : subject.First;
        return first >= subject.End ? "" : article.Text[article.Tokens[first].Start..article.Tokens[subject.End - 1].End];
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
        var sentence = position == int.MaxValue ? 0 : article.SentenceOf[Math.Min(position, article.Tokens.Count - 1)];
        var ranked = new List<(Entity, double)>();
        foreach (var entity in registry.Entities)
        {
            if (!fits(entity)) continue;
            var last = LastMentionBefore(entity, position);
            if (last < 0) continue;
            var distance = Math.Abs(sentence - article.SentenceOf[last]);
            if (distance > Horizon) continue;
            var entityGender = entity.InferredGender;
            if (gender is not null && entityGender is not null && entityGender != gender) continue;
            var score = 1.0 / (1 + distance) + (OpensSentence(last) ? 0.3 : 0) + (entity.QuoteCount > 0 ? 0.15 : 0)
                        + (gender is not null && entityGender == gender ? 0.15 : 0) + (entity.Certain ? 0.1 : 0);
            ranked.Add((entity, score));
        }
        ranked.Sort((a, b) => b.Item2.CompareTo(a.Item2));
        if (ranked.Count > 3) ranked.RemoveRange(3, ranked.Count - 3);
        return ranked;
    }

    /// <summary>A mention that opens its sentence is its subject, the likeliest antecedent of a later pronoun.</summary>
    private bool OpensSentence(int token)
    {
        var sentence = article.Sentences[article.SentenceOf[token]];
        return token - Dateline.End(article, sentence) <= 3;
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
        var titleWords = title.Split((char[])[' ', '-', '.'], StringSplitOptions.RemoveEmptyEntries).Select(Titles.Expand).ToList();
        return words.All(w => titleWords.Any(t => t.Equals(w, StringComparison.OrdinalIgnoreCase)));
    }
}
