using Claims.Api.Speakers;

namespace Claims.Api.Extraction;

/// <summary>
/// Joins name mentions into entities in text order: a full name introduces a person, a later surname (or an
/// earlier one, once the full name appears) is the same person; a body is the same by its name or acronym.
/// </summary>
internal sealed class EntityRegistry
{
    private readonly ArticleText article;

    public List<Entity> Entities { get; } = [];
    public List<NameMention> Mentions { get; }

    public EntityRegistry(ArticleText article, List<NameMention> mentions)
    {
        this.article = article;
        Mentions = mentions;
        foreach (var mention in mentions) Join(mention);
        foreach (var mention in mentions)
            if (mention.Entity is { IsPerson: true } person) CountPossessives(mention, person);
    }

    private void Join(NameMention mention)
    {
        var entity = Find(mention);
        if (entity is null)
        {
            entity = new Entity(Entities.Count, mention.Kind, mention.Kind == SpeakerKind.Person ? Names.Cased(mention.Name) : mention.Name);
            Entities.Add(entity);
        }
        else if (mention.Name.Length > entity.Name.Length && mention.Kind == entity.Kind)
        {
            entity.Name = entity.IsPerson ? Names.Cased(mention.Name) : mention.Name;
        }
        if (mention.Kind != entity.Kind && mention.Certain && !entity.Certain) entity.Kind = mention.Kind;
        entity.Certain |= mention.Certain;
        foreach (var title in mention.Titles)
            if (!entity.Titles.Contains(title, StringComparer.OrdinalIgnoreCase)) entity.Titles.Add(title);
        entity.Gender ??= mention.Gender;
        entity.NameMentions.Add(mention);
        mention.Entity = entity;
    }

    private Entity? Find(NameMention mention)
    {
        var name = mention.Name;
        var surname = Entity.LastWord(name);
        Entity? bySurname = null;
        Entity? byForename = null;
        var forenameMatches = 0;
        for (var i = Entities.Count - 1; i >= 0; i--)
        {
            var entity = Entities[i];
            if (SameName(entity.Name, name)) return entity;
            if (mention.Kind != SpeakerKind.Person || !entity.IsPerson) continue;
            var single = !name.Contains(' ');
            var entitySingle = !entity.Name.Contains(' ');
            // A surname alone is the latest person of that surname; a full name takes over a surname seen before it.
            if ((single && SameName(entity.Surname, name)) || (entitySingle && SameName(entity.Name, surname)))
                bySurname ??= entity;
            // "Magnus" after "Magnus Tolland" (and "Erik Tolland"): a forename alone, when one person has it.
            if (single && !entitySingle && SameName(FirstWord(entity.Name), name)) { byForename = entity; forenameMatches++; }
        }
        return bySurname ?? (forenameMatches == 1 ? byForename : null);
    }

    private static string FirstWord(string name) => name[..Math.Max(0, name.IndexOf(' '))];

    public static bool SameName(string a, string b) => Normalize(a).Equals(Normalize(b), StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string name) => name.Replace(".", "").Replace('-', ' ').Replace("’", "'");

    /// <summary>"Smith said his …": a possessive pronoun right after a person's name votes for a gender.</summary>
    private void CountPossessives(NameMention mention, Entity person)
    {
        var sentence = article.SentenceOf[mention.NameFirst];
        for (var k = mention.AppositiveEnd; k < article.Tokens.Count && k < mention.AppositiveEnd + 10 && article.SentenceOf[k] == sentence; k++)
        {
            if (!article.Tokens[k].IsOutside) break;
            if (article.Is(k, "his") || article.Is(k, "himself")) { person.MaleVotes++; return; }
            if (article.Is(k, "her") || article.Is(k, "herself")) { person.FemaleVotes++; return; }
            if (article.IsCapitalized(k) && k > mention.AppositiveEnd) return;
        }
    }

    /// <summary>The name mention that ends at token k (the subject right before a verb), if any.</summary>
    public NameMention? MentionEndingAt(int k)
    {
        var i = MentionIndexAtOrBefore(k);
        return i >= 0 && (Mentions[i].End - 1 == k || Mentions[i].AppositiveEnd - 1 == k) ? Mentions[i] : null;
    }

    /// <summary>The name mention whose titles or name begin at token k (the subject after an inverted verb), if any.</summary>
    public NameMention? MentionStartingAt(int k)
    {
        var i = MentionIndexAtOrBefore(k + 12);
        for (; i >= 0 && Mentions[i].End > k; i--)
            if (Mentions[i].First == k || Mentions[i].NameFirst == k) return Mentions[i];
        return null;
    }

    /// <summary>Index of the last mention starting at or before token k.</summary>
    public int MentionIndexAtOrBefore(int k)
    {
        int lo = 0, hi = Mentions.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (Mentions[mid].First <= k) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }
}
