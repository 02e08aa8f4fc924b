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
    private const int PronounHorizon = 12; // sentences back a pronoun may reach
    private const int TitleHorizon = 80; // a title or a body's noun may refer back across the article

    /// <summary>Somebody the article does not name who spoke ("a woman who lives nearby said"), and their gender: a later pronoun may be theirs.</summary>
    private readonly List<(int Token, Gender? Gender)> anonymous = [];

    /// <summary>Who the latest cue resolved so far named, and where: the likeliest antecedent of the next pronoun.</summary>
    private (Entity? Entity, int Token) lastSpeaker = (null, -1);

    public Resolution Resolve(Subject? subject, int position)
    {
        var resolution = ResolveSubject(subject, position);
        if (resolution.Speaker is { } speaker) lastSpeaker = (speaker, position);
        return resolution;
    }

    private Resolution ResolveSubject(Subject? subject, int position)
    {
        switch (subject?.Kind)
        {
            case SubjectKind.Name when subject.Name?.Entity is { } entity:
                Resolution named = new(entity, [(entity, 1.0)], Attribution.Name, entity.Certain ? 1.0 : 0.8);
                return subject.Outer >= 0 && SpokespersonWithin(subject.Outer, subject.First) is var spokesperson and >= 0 ? Voiced(named, spokesperson) : named;
            case SubjectKind.Pronoun:
                return Pronoun(subject, position);
            case SubjectKind.Title:
                var titled = Title(subject, position);
                if (titled.Speaker is null && subject.Indefinite && !Titles.IsPluralRole(article[subject.Head]) && !subjects.IsSpokesperson(subject.Head) || titled.Speaker is null && subjects.IsSpokesperson(subject.Head))
                    anonymous.Add((subject.Start, Titles.GenderOf(NameFinder.StripPossessive(article[subject.Head]))));
                return titled;
            default:
                return new(null, Ranked(position, e => e.Certain, null), Attribution.None, 0);
        }
    }

    private Resolution Pronoun(Subject subject, int position)
    {
        var word = article[subject.First];
        Func<Entity, bool> fits;
        Gender? gender = null;
        if (word.Equals("he", StringComparison.OrdinalIgnoreCase) || word.Equals("his", StringComparison.OrdinalIgnoreCase)) { gender = Gender.Male; fits = IsSomeone; }
        else if (word.Equals("she", StringComparison.OrdinalIgnoreCase) || word.Equals("her", StringComparison.OrdinalIgnoreCase)) { gender = Gender.Female; fits = IsSomeone; }
        else if (word.Equals("it", StringComparison.OrdinalIgnoreCase) || word.Equals("they", StringComparison.OrdinalIgnoreCase)
                 || word.Equals("its", StringComparison.OrdinalIgnoreCase) || word.Equals("their", StringComparison.OrdinalIgnoreCase)) fits = e => !e.IsPerson;
        else return new(null, Ranked(position, e => e.IsPerson, null), Attribution.Pronoun, 0);
        if (gender is { } g) fits = e => IsSomeone(e) || e.Voices.Any(v => v.Token < position && v.Gender != Opposite(g)); // "A spokeswoman for the airport said … she said"
        var ranked = Ranked(position, fits, gender, PronounHorizon);
        // "A woman who lives across the street said … “…,” she said": the pronoun is hers, whoever was named before her.
        if (gender is { } pronounGender && ranked.Count > 0 && anonymous.Any(a => a.Token < position && a.Gender != Opposite(pronounGender) && a.Token > LastMentionBefore(ranked[0].Entity, position).Token))
            return new(null, ranked, Attribution.Pronoun, 0);
        return Choose(ranked, subject, Attribution.Pronoun);
    }

    private static Gender Opposite(Gender gender) => gender == Gender.Male ? Gender.Female : Gender.Male;

    private Resolution Title(Subject subject, int position)
    {
        var head = NameFinder.StripPossessive(article[subject.Head]).ToString();
        // "A Department of Health and Social Care spokesperson said": the body the spokesperson speaks for.
        if (subjects.IsSpokesperson(subject.Head) && BodyWithin(subject.First, subject.Head) is { } body)
        {
            body.References.Add((subject.First, subject.End, MentionKind.Title));
            return Voiced(new(body, [(body, 1.0)], Attribution.Title, 1), subject.Head);
        }
        // "A university spokesman said", "police spokeswoman Sgt. …": the university, the police already named.
        if (subjects.IsSpokesperson(subject.Head) && subject.Head > subject.First && Organizations.IsReferringNoun(article[subject.Head - 1]))
            return Voiced(Title(new Subject(SubjectKind.Title, subject.Head - 1, subject.Head, Head: subject.Head - 1), position), subject.Head);
        // "a spokeswoman for the airport": the body the spokesperson speaks for.
        if (subject.Outer >= 0 && SpokespersonWithin(subject.Outer, subject.First) is var spokesperson && spokesperson >= 0)
        {
            var voiced = Title(subject with { Outer = -1 }, position);
            return Voiced(voiced, spokesperson);
        }
        // "according to his spokesman", "its spokeswoman said": whom the possessive names speaks.
        if (subjects.IsSpokesperson(subject.Head) && subject.Head > subject.First && PossessivePronouns.Contains(article[subject.First]))
        {
            var owner = Pronoun(new Subject(SubjectKind.Pronoun, subject.First, subject.First + 1), position);
            return Voiced(owner with { Attribution = Attribution.Title }, subject.Head);
        }
        // "the spokesperson added": the body a spokesperson last spoke for.
        if (subjects.IsSpokesperson(subject.Head) && !subject.Indefinite)
        {
            var wordGender = Titles.GenderOf(head);
            var voiced = Ranked(position, e => e.Voices.Any(v => v.Token < position && (wordGender is null || v.Gender == wordGender)), null, TitleHorizon);
            if (voiced.Count > 0) return Choose(voiced, subject, Attribution.Title);
        }
        if (Titles.IsRoleNoun(head) && !subject.Indefinite)
        {
            var words = RoleWords(subject.First, subject.Head + 1);
            var holders = Ranked(position, e => e.IsPerson && e.Titles.Any(t => HoldsTitle(t, words)), null, TitleHorizon);
            // A lede's "the Health Secretary has said" names the holder only further on.
            if (holders.Count == 0) holders = Ranked(int.MaxValue, e => e.IsPerson && e.Titles.Any(t => HoldsTitle(t, words)), null, TitleHorizon);
            if (holders.Count > 0) return Choose(holders, subject, Attribution.Title);
            if (LedeSubject(subject) is { } named)
            {
                named.References.Add((subject.First, subject.End, MentionKind.Title));
                named.Titles.Add(Description(subject)); // the title it holds from now on
                return new(named, [(named, 0.5)], Attribution.Title, 0);
            }
        }
        else if (Organizations.IsReferringNoun(head) && !subject.Indefinite)
        {
            var kind = Organizations.KindOfReferringNoun(head);
            // "the ministry" is the latest ministry named; "the finance ministry" only one of that name.
            var description = Description(subject);
            var bodies = Ranked(position, e => !e.IsPerson && e.Name.Contains(description.Contains(' ') ? description : head, StringComparison.OrdinalIgnoreCase), null, TitleHorizon);
            // "the company" is the latest company named, whatever its name.
            if (bodies.Count == 0 && !description.Contains(' ') && kind == SpeakerKind.Organization && IsGeneric(head))
                bodies = Ranked(position, e => e.Kind == kind, null, TitleHorizon);
            if (bodies.Count > 0) return Choose(bodies, subject, Attribution.Title);
            // "the union" after "the Train Drivers' Federation": a lone noun of a kind of body, for the one named before, not surely.
            if (kind == SpeakerKind.Organization && !description.Contains(' ') && IsKindOfBody(head)
                && Ranked(position, e => e.Kind == SpeakerKind.Organization && e.Certain, null, PronounHorizon) is { Count: > 0 } named)
                return Choose(named, subject, Attribution.Title) with { Certainty = 0 };
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

    /// <summary>
    /// The body named in "A Department of Health spokesperson", "An NHS England spokesperson": a name there that is
    /// no person's (no forename, no title) is a body's.
    /// </summary>
    private Entity? BodyWithin(int first, int end)
    {
        for (var i = registry.MentionIndexAtOrBefore(end - 1); i >= 0 && registry.Mentions[i].First >= first; i--)
        {
            if (registry.Mentions[i].Entity is not { } entity) continue;
            if (entity.IsPerson && entity.Titles.Count == 0 && !Forenames.IsForename(entity.Name.AsSpan(0, entity.Name.IndexOf(' ') is var space and > 0 ? space : entity.Name.Length)))
                entity.Kind = SpeakerKind.Organization;
            if (!entity.IsPerson) return entity;
        }
        return null;
    }

    private int SpokespersonWithin(int first, int end)
    {
        for (var k = first; k < end; k++)
            if (subjects.IsSpokesperson(k)) return k;
        return -1;
    }

    /// <summary>A spokesperson spoke for the resolved body: a later "she said" or "the spokeswoman added" may be theirs.</summary>
    private Resolution Voiced(Resolution resolution, int spokesperson)
    {
        resolution.Speaker?.Voices.Add((spokesperson, Titles.GenderOf(NameFinder.StripPossessive(article[spokesperson]))));
        return resolution;
    }

    /// <summary>
    /// "…, the Health Secretary has said.\n\nWes Langford told …": a title in the lede that nobody holds is the person
    /// who opens the next paragraph, when that person has no title of their own. A guess, so never sure.
    /// </summary>
    private Entity? LedeSubject(Subject subject)
    {
        var paragraph = article.ParagraphOf(subject.First);
        if (paragraph > 1) return null;
        for (var s = article.SentenceOf[subject.First] + 1; s < article.Sentences.Count; s++)
        {
            if (article.Sentences[s].Paragraph == paragraph) continue;
            if (article.Sentences[s].Paragraph > paragraph + 1) return null;
            return subjects.OpeningSubject(s) is { Name.Entity: { IsPerson: true, Titles.Count: 0 } person } ? person : null;
        }
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

    private static readonly WordSet PossessivePronouns = new("his her its their");

    private static readonly WordSet KindsOfBody = new("""
        union party club charity firm carrier airline operator broadcaster network campaign coalition movement chain brand
        insurer lender retailer manufacturer maker producer supplier developer distributor startup start-up regulator
        watchdog federation association
        """);

    /// <summary>Nouns that say what kind of body one is, seldom part of its name ("the carrier", "the union").</summary>
    private static bool IsKindOfBody(string noun) => KindsOfBody.Contains(noun);

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
    private List<(Entity Entity, double Score)> Ranked(int position, Func<Entity, bool> fits, Gender? gender, int horizon = PronounHorizon)
    {
        var sentence = position == int.MaxValue ? 0 : article.SentenceOf[Math.Min(position, article.Tokens.Count - 1)];
        var ranked = new List<(Entity, double)>();
        foreach (var entity in registry.Entities)
        {
            if (!fits(entity)) continue;
            var (last, subjectLike) = LastMentionBefore(entity, position);
            if (last < 0) continue;
            var distance = Math.Abs(sentence - article.SentenceOf[last]);
            if (distance > horizon) continue;
            var entityGender = entity.InferredGender;
            if (gender is not null && entityGender is not null && entityGender != gender) continue;
            var score = 1.0 / (1 + distance) + (subjectLike || OpensSentence(last) ? 0.3 : 0) + (entity.QuoteCount > 0 ? 0.15 : 0)
                        + (entity == lastSpeaker.Entity && lastSpeaker.Token < position && article.SentenceOf[lastSpeaker.Token] >= sentence - 1 ? 0.2 : 0)
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

    /// <summary>The entity's last mention before the position, and whether it is a sentence's subject by its form.</summary>
    private static (int Token, bool SubjectLike) LastMentionBefore(Entity entity, int position)
    {
        var last = -1;
        var subjectLike = false;
        foreach (var mention in entity.NameMentions)
            if (mention.First < position && mention.First > last) (last, subjectLike) = (mention.First, mention.TitledBefore);
        foreach (var reference in entity.References)
            if (reference.First < position && reference.First > last) (last, subjectLike) = (reference.First, false);
        return (last, subjectLike);
    }

    private List<string> RoleWords(int first, int end)
    {
        var words = new List<string>();
        for (var k = first; k < end; k++)
        {
            var word = NameFinder.StripPossessive(article[k]);
            // "the French president" is a French one: a nationality or a name qualifies the role too.
            if (article.Is(k, "the") || !(Titles.IsRoleNoun(word) || Titles.IsQualifier(word) || Organizations.IsNationality(word))) continue;
            foreach (var part in word.ToString().Split('-')) words.Add(part);
        }
        return words;
    }

    /// <summary>"the minister" is the Foreign Minister; "the health secretary" is not the shadow health secretary.</summary>
    private static bool HoldsTitle(string title, List<string> words)
    {
        var titleWords = title.Split((char[])[' ', '-', '.'], StringSplitOptions.RemoveEmptyEntries).Select(Titles.Expand).ToList();
        return words.All(w => titleWords.Any(t => t.Equals(w, StringComparison.OrdinalIgnoreCase)))
               && titleWords.All(t => !Titles.IsNotTheOffice(t) || words.Contains(t, StringComparer.OrdinalIgnoreCase));
    }
}
