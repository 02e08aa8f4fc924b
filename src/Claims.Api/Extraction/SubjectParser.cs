namespace Claims.Api.Extraction;

/// <summary>Reads the subject of a cue around its verb: a pronoun, a name with its titles, or a title or body noun.</summary>
internal sealed class SubjectParser(ArticleText article, EntityRegistry registry)
{
    private const int MaxDescription = 8; // words from a determiner to its noun: "A Department of Health and Social Care spokesperson"
    private static readonly WordSet Pronouns = new("he she they it we i");
    private static readonly WordSet InvertedPronouns = new("he she they it we");
    private static readonly WordSet Determiners = new("the a an its his her their our one another two three four five several some many both");
    /// <summary>Determiners of somebody, not anybody the article has named: "a spokesman", "one diplomat", "two officials".</summary>
    private static readonly WordSet Indefinites = new("a an one another two three four five several some many both");
    /// <summary>"one of the sources", "two of them": somebody out of a group.</summary>
    private static readonly WordSet Partitives = new("one two three some none many each several both most any another");
    private static readonly WordSet Linking = new("for of at in from");
    private static readonly WordSet Affiliations = new("of from at in with");
    /// <summary>People described, not named: "a woman who lives nearby", "one resident".</summary>
    private static readonly WordSet People = new("""
        woman man women men resident residents witness witnesses neighbour neighbor neighbours neighbors passenger passengers
        motorist shopper commuter bystander survivor mother father parent parents girl boy wife husband daughter son
        source person people customer patient worker employee owner shopkeeper
        """);

    /// <summary>The subject ending at token k, right before the verb.</summary>
    public Subject? Before(int k)
    {
        if (k < 0 || !article.Tokens[k].IsOutside) return null;
        if (article.IsPunct(k, ')')) k = BeforeParenthesis(k); // Thierry Vasseur (LR) called
        if (k < 0) return null;
        if (article.IsPunct(k, '.') && k > 0 && article.Tokens[k - 1].End == article.Tokens[k].Start) k--; // "Nimbus Corp. said"
        if (article.IsPunct(k, ','))
            return AppositiveEndingAt(k) is { } appositive ? new Subject(SubjectKind.Name, appositive.First, appositive.End, appositive)
                : AppositiveName(k) ?? SentenceSubject(k) ?? BeforeAside(k);
        if (!article.Tokens[k].IsWord) return null;
        if (Pronouns.Contains(article[k])) return new Subject(SubjectKind.Pronoun, k, k + 1);
        // "one of them said": somebody, nobody named
        if ((article.Is(k, "them") || article.Is(k, "those") || article.Is(k, "us")) && article.Is(k - 1, "of") && Partitives.Contains(Word(k - 2)))
            return new Subject(SubjectKind.Title, k - 2, k + 1, Head: k) { Indefinite = true };
        // "Tomás Arriaga of the Institute of Planetary Physics in Salamanca said", "Sen. Ted Cruz of Texas said"
        if (AffiliatedPerson(k) is { } affiliated) return new Subject(SubjectKind.Name, affiliated.First, affiliated.End, affiliated);
        if (registry.MentionEndingAt(k) is { } mention)
        {
            var start = article.Is(mention.First - 1, "the") ? mention.First - 1 : mention.First;
            // "A spokeswoman for the Alpine Lift Company said": the body, through its spokesperson.
            var outer = article.Is(start - 1, "for") && IsSpokesperson(start - 2) ? DescriptionStart(start - 2) : -1;
            return new Subject(SubjectKind.Name, start, mention.End, mention) { Outer = outer };
        }
        var end = k + 1;
        var head = IsHead(k) ? k : HeadBeforeModifier(k); // "the embassy in Tallinn", "one diplomat from a northern member state"
        if (head < 0) return null;
        var first = DescriptionStart(head);
        var indefinite = Indefinites.Contains(Word(first));
        // "one of the sources said"
        if (article.Is(first - 1, "of") && Partitives.Contains(Word(first - 2)))
            return new Subject(SubjectKind.Title, first, end, Head: head) { Indefinite = true, Outer = first - 2 };
        // "a spokeswoman for the airport said": a spokesperson speaks for the body named after it;
        // "Clemens Fuest of the Ifo institute warned": the person does.
        if (Linking.Contains(Word(first - 1)) && first >= 2 && Before(first - 2) is { } owner)
        {
            if (owner is { Kind: SubjectKind.Name, Name.Kind: Speakers.SpeakerKind.Person }) return owner with { End = end };
            if (owner.Kind == SubjectKind.Title)
                return IsSpokesperson(owner.Head) ? new Subject(SubjectKind.Title, first, end, Head: head) { Indefinite = indefinite, Outer = owner.First } : owner with { End = end };
        }
        return new Subject(SubjectKind.Title, first, end, Head: head) { Indefinite = indefinite };
    }

    /// <summary>The subject starting at token k, right after an inverted verb or "according to".</summary>
    public Subject? After(int k)
    {
        if (!article.IsOutsideWord(k)) return null;
        // "…,” said he." but not "says they are …"
        if (InvertedPronouns.Contains(article[k])) return article.IsOutsideWord(k + 1) ? null : new Subject(SubjectKind.Pronoun, k, k + 1);
        if (registry.MentionStartingAt(k) is { } mention) return new Subject(SubjectKind.Name, mention.First, mention.End, mention);
        // "according to a statement from the ministry", "according to a report by the agency"
        if ((article.Is(k, "a") || article.Is(k, "the")) && article.IsOutsideWord(k + 1) && Complement.IsSetting(article[k + 1])
            && (article.Is(k + 2, "from") || article.Is(k + 2, "by") || article.Is(k + 2, "of") || article.Is(k + 2, "issued")))
            return After(article.Is(k + 2, "issued") && article.Is(k + 3, "by") ? k + 4 : k + 3);
        var first = k;
        var indefinite = Indefinites.Contains(article[k]);
        if (Determiners.Contains(article[k])) k++;
        // "The agency's statement was more cautious:" the body whose words they are
        if (article.IsOutsideWord(k) && NameFinder.IsPossessive(article[k]) && IsHead(k, possessive: true) && article.IsOutsideWord(k + 1) && Complement.IsSetting(article[k + 1]))
            return new Subject(SubjectKind.Title, first, k + 1, Head: k);
        if (registry.MentionStartingAt(k) is { } named) return new Subject(SubjectKind.Name, first, named.End, named);
        if (NameWithin(k) is { } described) return new Subject(SubjectKind.Name, first, described.End, described);
        var head = -1;
        for (var j = k; j < article.Tokens.Count && j < k + 5 && article.IsOutsideWord(j) && !ReportingCues.IsCue(article[j]) && !article.Is(j, "that"); j++)
            if (IsHead(j)) { head = j; if (!IsHead(j + 1)) break; }
        if (head < 0) return null;
        var end = head + 1;
        if (Linking.Contains(Word(end)) && article.IsOutsideWord(end + 1))
        {
            // "a spokeswoman for the airport", "the chamber of commerce"
            if (IsSpokesperson(head) && After(end + 1) is { Kind: SubjectKind.Title or SubjectKind.Name } body) return body with { First = first };
            end += article.Is(end + 1, "the") ? 3 : 2;
        }
        return new Subject(SubjectKind.Title, first, Math.Min(end, article.Tokens.Count), Head: head) { Indefinite = indefinite };
    }

    /// <summary>
    /// The person whose affiliation ends at token k: "Clemens Fuest of the Ifo institute", "Fire Chief Raymond Okoye of
    /// the Harbor City Fire Department", "Tomás Arriaga of the Institute of Planetary Physics in Salamanca".
    /// </summary>
    private NameMention? AffiliatedPerson(int k)
    {
        for (var hop = 0; hop < 3 && k >= 0 && article.IsOutsideWord(k); hop++)
        {
            var mention = registry.MentionEndingAt(k);
            if (hop == 0 && mention is { Kind: Speakers.SpeakerKind.Person }) return null;
            var start = mention is not null ? mention.First : article.IsCapitalized(k) ? CapitalizedStart(k) : IsHead(k) ? DescriptionStart(k) : -1;
            if (start < 0) return null;
            if (article.Is(start - 1, "the")) start--;
            if (!Affiliations.Contains(Word(start - 1))) return null;
            k = start - 2;
            if (registry.MentionEndingAt(k) is { Kind: Speakers.SpeakerKind.Person } person) return person;
        }
        return null;
    }

    private int CapitalizedStart(int k)
    {
        while (k > 0 && article.IsOutsideWord(k - 1) && article.IsCapitalized(k - 1)) k--;
        return k;
    }

    /// <summary>"one diplomat from a northern member state", "the embassy in Tallinn": the noun a phrase after it qualifies.</summary>
    private int HeadBeforeModifier(int k)
    {
        for (var j = k - 1; j >= 1 && j >= k - 6 && article.IsOutsideWord(j) && !ReportingCues.IsCue(article[j]) && !article.Is(j, "that"); j--)
            if (Linking.Contains(article[j]) && IsHead(j - 1) && article.IsLower(j - 1)) return j - 1;
        return -1;
    }

    /// <summary>"A resident of the Old Town, who gave only his first name, Ilir, said": a name set off by commas before the verb.</summary>
    private Subject? AppositiveName(int comma)
    {
        if (registry.MentionEndingAt(comma - 1) is not { Kind: Speakers.SpeakerKind.Person } mention || !article.IsPunct(mention.First - 1, ',')) return null;
        return new Subject(SubjectKind.Name, mention.First, mention.End, mention);
    }

    /// <summary>"A spokesman for the group, reached by phone, said": the subject before an aside set off by commas.</summary>
    private Subject? BeforeAside(int comma)
    {
        var sentence = article.Sentences[article.SentenceOf[comma]];
        for (var c = comma - 1; c > sentence.First && c > comma - 16; c--)
        {
            if (!article.Tokens[c].IsOutside) return null;
            if (!article.IsPunct(c, ',')) continue;
            var aside = article.Is(c + 1, "and") ? c + 2 : c + 1;
            if (!article.IsOutsideWord(aside) || !(article.Is(aside, "who") || article.Is(aside, "which") || article[aside].EndsWith("ed") || article[aside].EndsWith("ing")))
                return null;
            return Before(c - 1) ?? RelativeHead(c - 1);
        }
        return null;
    }

    /// <summary>"A woman who lives across the street": the described subject of a relative clause ending at k.</summary>
    private Subject? RelativeHead(int k)
    {
        for (var j = k; j > 0 && j > k - 12 && article.IsOutsideWord(j); j--)
        {
            if (!article.Is(j, "who")) continue;
            if (!IsHead(j - 1)) return null;
            var first = DescriptionStart(j - 1);
            return new Subject(SubjectKind.Title, first, j, Head: j - 1) { Indefinite = Indefinites.Contains(Word(first)) };
        }
        return null;
    }

    /// <summary>"Rep. Tom Hale, R-Texas, the chairman of the Energy and Commerce Committee, has said": the name whose titles end at the comma.</summary>
    private NameMention? AppositiveEndingAt(int comma)
    {
        var sentence = article.SentenceOf[comma];
        for (var i = registry.MentionIndexAtOrBefore(comma); i >= 0 && article.SentenceOf[registry.Mentions[i].First] == sentence; i--)
        {
            var mention = registry.Mentions[i];
            if (mention.AppositiveEnd == comma && (mention.AppositiveEnd > mention.End || mention.TitledBefore)) return mention;
        }
        return null;
    }

    /// <summary>Where the description ending in the noun at head begins: its determiner or possessive, else its modifiers.</summary>
    private int DescriptionStart(int head)
    {
        for (var j = head - 1; j >= 0 && j >= head - MaxDescription && article.IsOutsideWord(j) && !ReportingCues.IsCue(article[j]); j--)
            if (Determiners.Contains(article[j])) return j;
            else if (NameFinder.IsPossessive(article[j]) && !Linking.Contains(Word(j - 1))) return article.Is(j - 1, "the") ? j - 1 : j; // the city's mobility department
        var first = head;
        while (first - 1 >= 0 && article.IsOutsideWord(first - 1) && IsModifier(first - 1)) first--;
        return first;
    }

    private int BeforeParenthesis(int close)
    {
        for (var j = close - 1; j >= 0 && j > close - 6; j--)
            if (article.IsPunct(j, '(')) return j - 1;
        return -1;
    }

    /// <summary>"said the city's mobility officer, Georg Kellner": a name a few descriptive words on.</summary>
    private NameMention? NameWithin(int k)
    {
        for (var j = k; j < article.Tokens.Count && j < k + 8 && article.Tokens[j].IsOutside; j++)
        {
            // "one senior EU diplomat": a name that qualifies a role is not who spoke.
            if (registry.MentionStartingAt(j) is { } mention)
            {
                if (article.IsOutsideWord(mention.End) && Titles.IsRoleNoun(article[mention.End])) return null;
                // "according to his spokesman, Hungary would never …": a name followed by its own verb opens the clause.
                if (j > k && article.IsOutsideWord(mention.End) && ReportedSpeech.IsVerbForm(article[mention.End])) return null;
                // "the chairman of the Ashbury Fields Action Group, David Amis": the person holding a role in the body.
                if (mention.Kind != Speakers.SpeakerKind.Person && article.IsPunct(mention.End, ',') && registry.MentionStartingAt(mention.End + 1) is { Kind: Speakers.SpeakerKind.Person } holder
                    && RoleBefore(k, j))
                    return holder;
                return mention;
            }
            if (article.IsPunct(j, ',')) continue;
            if (!article.Tokens[j].IsWord || ReportingCues.IsCue(article[j]) || article.Is(j, "that") || article.Is(j, "who") || article.Is(j, "and"))
                return null;
        }
        return null;
    }

    private bool RoleBefore(int from, int to)
    {
        for (var j = from; j < to; j++)
            if (article.IsOutsideWord(j) && Titles.IsRoleNoun(article[j]) && !IsSpokesperson(j)) return true;
        return false;
    }

    /// <summary>"Reyne, a former Army engineer, agreed", "Jinks, who runs the cooperative, warned": the sentence's subject before its commas.</summary>
    private Subject? SentenceSubject(int comma)
    {
        if (OpeningSubject(article.SentenceOf[comma]) is not { Name: { } mention } subject || mention.End >= comma) return null;
        if (!article.IsPunct(mention.End, ',') && !article.IsPunct(mention.AppositiveEnd, ',')) return null;
        for (var k = mention.End; k < comma; k++)
            if (!article.Tokens[k].IsOutside || (article.Tokens[k].IsWord && ReportingCues.IsCue(article[k]) && !IsParticiple(k))) return null;
        return subject;
    }

    /// <summary>", asked about the yen,": a participle between commas, not the sentence's verb.</summary>
    private bool IsParticiple(int k) => article.IsPunct(k - 1, ',') && article[k].EndsWith("ed");

    /// <summary>The name or pronoun that opens a sentence (after its dateline): the subject of a verb coordinated later.</summary>
    public Subject? OpeningSubject(int sentenceIndex)
    {
        var first = Dateline.End(article, article.Sentences[sentenceIndex]);
        if (article.IsOutsideWord(first) && Pronouns.Contains(article[first])) return new Subject(SubjectKind.Pronoun, first, first + 1);
        NameMention? mention = null;
        for (var i = registry.MentionIndexAtOrBefore(first + 6); i >= 0 && registry.Mentions[i].First >= first; i--) mention = registry.Mentions[i];
        // Only a title may stand before the name: "Its president, Aoife O'Brien", not "The head teacher of a Bristol school".
        for (var k = first; mention is not null && k < mention.First; k++)
            if (!article.Tokens[k].IsOutside || article.Tokens[k].IsWord && (ReportingCues.IsCue(article[k]) || article.IsLower(k) && !IsTitleWord(k)))
                mention = null;
        return mention is null ? null : new Subject(SubjectKind.Name, mention.First, mention.End, mention);
    }

    /// <summary>
    /// "Lawmakers from both parties said", "Two councillors who voted in favour, speaking afterwards, said": a plural
    /// role opening the sentence is its (unnamed) subject.
    /// </summary>
    public Subject? PluralOpening(int sentenceIndex, int verb)
    {
        var first = Dateline.End(article, article.Sentences[sentenceIndex]);
        var head = Indefinites.Contains(Word(first)) ? first + 1 : first;
        if (article.IsOutsideWord(head) && !Titles.IsPluralRole(article[head]) && (Titles.IsQualifier(article[head]) || article.IsLower(head))) head++; // "Two local councillors"
        if (verb - first > 14 || !article.IsOutsideWord(head) || !Titles.IsPluralRole(article[head])) return null;
        for (var k = head + 1; k < verb; k++)
            if (!article.Tokens[k].IsOutside || article.Tokens[k].IsWord && (ReportingCues.IsCue(article[k]) || article.IsCapitalized(k) || article.Is(k, "that"))
                || !article.Tokens[k].IsWord && !article.IsPunct(k, ','))
                return null;
        return new Subject(SubjectKind.Title, first, verb, Head: head) { Indefinite = true };
    }

    private bool IsTitleWord(int k) =>
        Determiners.Contains(article[k]) && !article.Is(k, "a") && !article.Is(k, "an") || IsModifier(k) || Organizations.IsReferringNoun(article[k]);

    private ReadOnlySpan<char> Word(int k) => k >= 0 && k < article.Tokens.Count && article.Tokens[k].IsWord ? article[k] : default;

    public bool IsSpokesperson(int k) => k >= 0 && Spokespeople.Contains(NameFinder.StripPossessive(article[k]));

    private static readonly WordSet Spokespeople = new("spokesman spokeswoman spokesperson spokespeople spokesmen representative representatives official officials");

    private bool IsHead(int k, bool possessive = false)
    {
        if (!article.IsOutsideWord(k) || NameFinder.IsPossessive(article[k]) != possessive) return false;
        var word = NameFinder.StripPossessive(article[k]);
        return Titles.IsRoleNoun(word) || Organizations.IsReferringNoun(word) || Titles.IsPluralRole(word) || (article.IsLower(k) && People.Contains(word))
               || (article.IsLower(k) && (Organizations.IsOrganizationHead(word) || Organizations.IsGovernmentHead(word)));
    }

    /// <summary>Words before a head noun that describe it: "senior", "Russian", "NATO's", "police" (spokeswoman), "government" (sources).</summary>
    private bool IsModifier(int k)
    {
        var word = article[k];
        return Titles.IsQualifier(word) || Titles.IsRoleNoun(word) || Organizations.IsNationality(word) || NameFinder.IsPossessive(word)
               || (article.IsCapitalized(k) && !FunctionWords.IsNotName(word)) || (article.IsLower(k) && Organizations.IsReferringNoun(word));
    }
}
