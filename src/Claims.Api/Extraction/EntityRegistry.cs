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
        var entity = Acronym(mention) ?? Find(mention);
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

    /// <summary>"the Train Drivers' Federation (TDF)": an acronym in parentheses after a body's name is that body's.</summary>
    private Entity? Acronym(NameMention mention)
    {
        if (mention.NameWordCount > 1 || !article.IsAllCaps(mention.NameFirst) || !article.IsPunct(mention.First - 1, '(') || !article.IsPunct(mention.End, ')'))
            return null;
        var before = Mentions.IndexOf(mention) - 1;
        if (before < 0 || Mentions[before].End != mention.First - 1 || Mentions[before].Entity is not { IsPerson: false } body) return null;
        if (!body.Aliases.Contains(mention.Name)) body.Aliases.Add(mention.Name);
        return body;
    }

    private Entity? Find(NameMention mention)
    {
        var name = mention.Name;
        var surname = name.AsSpan(name.LastIndexOf(' ') + 1);
        Entity? bySurname = null;
        Entity? byForename = null;
        var forenameMatches = 0;
        for (var i = Entities.Count - 1; i >= 0; i--)
        {
            var entity = Entities[i];
            if (SameName(entity.Name, name) || entity.Aliases.Any(a => SameName(a, name))) return entity;
            var single = !name.Contains(' ');
            // "Veltrion" after "Veltrion Semiconductor Corp.": a body by the first word of its name.
            if (single && !mention.Certain && !entity.IsPerson && entity.Name.Length > name.Length && entity.Name[name.Length] == ' '
                && SameName(entity.Name.AsSpan(0, name.Length), name))
                bySurname ??= entity;
            if (mention.Kind != SpeakerKind.Person || !entity.IsPerson) continue;
            var entitySingle = !entity.Name.Contains(' ');
            // A surname alone is the first person introduced with it (the story's subject; a relative named later goes by
            // forename); a full name takes over a surname seen before it.
            if (single && SameName(entity.Surname, name)) bySurname = entity;
            else if (entitySingle && SameName(entity.Name, surname)) bySurname ??= entity;
            // "Magnus" after "Magnus Tolland" (and "Erik Tolland"): a forename alone, when one person has it.
            if (single && !entitySingle && SameName(entity.Forename, name)) { byForename = entity; forenameMatches++; }
        }
        return bySurname ?? (forenameMatches == 1 ? byForename : null);
    }

    /// <summary>The same name ignoring case and dots, a hyphen as a space and ’ as ': "U.S." = "US", "Secretary-General".</summary>
    public static bool SameName(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < a.Length && a[i] == '.') i++;
            while (j < b.Length && b[j] == '.') j++;
            if (i == a.Length || j == b.Length) return i == a.Length && j == b.Length;
            if (Fold(a[i++]) != Fold(b[j++])) return false;
        }
    }

    private static char Fold(char c) => c switch { '-' => ' ', '’' => '\'', _ => char.ToLowerInvariant(c) };

    /// <summary>"Smith said his …", "Mallory said she would …": a pronoun right after a person's name votes for a gender.</summary>
    private void CountPossessives(NameMention mention, Entity person)
    {
        var sentence = article.SentenceOf[mention.NameFirst];
        for (var k = mention.AppositiveEnd; k < article.Tokens.Count && k < mention.AppositiveEnd + 10 && article.SentenceOf[k] == sentence; k++)
        {
            if (!article.Tokens[k].IsOutside) break;
            if (article.Is(k, "his") || article.Is(k, "himself") || article.Is(k, "he") && k <= mention.AppositiveEnd + 3) { person.MaleVotes++; return; }
            if (article.Is(k, "her") || article.Is(k, "herself") || article.Is(k, "she") && k <= mention.AppositiveEnd + 3) { person.FemaleVotes++; return; }
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
