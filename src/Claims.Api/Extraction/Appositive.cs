using Claims.Api.Speakers;

namespace Claims.Api.Extraction;

/// <summary>
/// Titles written beside a name between commas: after it ("Jens Stoltenberg, NATO's secretary general, said",
/// "Sen. Rosa Delgado, D-N.M., said") or before it ("The mayor of Lyon, Camille Ferrand, said").
/// </summary>
internal static class Appositive
{
    private const int MaxLength = 12;

    /// <summary>Adds the titles after the mention (two at most) and returns the token after the last, or the mention's end.</summary>
    public static int Read(ArticleText article, NameMention mention)
    {
        ReadBefore(article, mention);
        var end = mention.End;
        for (var i = 0; i < 2; i++)
        {
            var next = ReadAfter(article, mention, end);
            if (next == end) break;
            end = next;
        }
        return end;
    }

    private static int ReadAfter(ArticleText article, NameMention mention, int comma)
    {
        if (!article.IsPunct(comma, ',')) return comma;
        var first = comma + 1;
        if (IsPartyTag(article, first))
        {
            var k = first;
            while (k < article.Tokens.Count && k < first + 8 && !article.IsPunct(k, ',') && article.Tokens[k].IsOutside && article.Tokens[k].Kind != TokenKind.Break) k++;
            return article.IsPunct(k, ',') ? k : comma;
        }
        if (article.Is(first, "and") || article.Is(first, "or")) return comma; // "X, and Y," is two people
        if (article.IsOutsideWord(first) && char.IsDigit(article.Text[article.Tokens[first].Start]) && article.IsPunct(first + 1, ','))
            return first + 1; // an age: "Helga Brandl, 71,"
        if (!article.IsOutsideWord(first) || article[first].EndsWith("ing") || Complement.IsPreposition(article[first]) || ReportedSpeech.IsVerbForm(article[first]))
            return comma; // ", speaking in Brussels,", ", had been …"
        if (article.Is(first, "the") || article.Is(first, "a") || article.Is(first, "an")) first++;
        var sawRole = false;
        var body = -1;
        var last = first;
        while (last < article.Tokens.Count && last < first + MaxLength && article.IsOutsideWord(last) && article.SentenceOf[last] == article.SentenceOf[comma])
        {
            var word = article[last];
            if (ReportingCues.IsCue(word) || article.Is(last, "who") || article.Is(last, "which")) return comma;
            sawRole |= Titles.IsRoleNoun(word);
            // The body's noun heads the appositive: it ends it, or "of" follows ("the association of …"), not "a bank clerk".
            if (body < 0 && article.IsLower(last) && Organizations.IsReferringNoun(word) && (!article.IsOutsideWord(last + 1) || article.Is(last + 1, "of") || article.Is(last + 1, "for")))
                body = last;
            last++;
        }
        // "Europêche, the association of European fishing companies,": a word that may be anything, described as a body.
        var described = !sawRole && body >= 0 && !mention.Certain && mention.Kind == SpeakerKind.Person;
        if (!(sawRole || described) || last == first) return comma;
        // The title ends at a comma, a full stop or a dash; anything else means the words went on as a clause.
        if (last < article.Tokens.Count && article.Tokens[last].IsOutside && article.Tokens[last].Kind == TokenKind.Punct
            && article.Text[article.Tokens[last].Start] is not (',' or '.' or ';' or ')' or '-' or '—' or '–'))
            return comma;
        mention.Titles.Add(NameFinder.TitleText(article, first, last));
        if (described) mention.Kind = Organizations.KindOfReferringNoun(article[body]);
        return last;
    }

    /// <summary>"D-N.M.", "R-Texas", "I-Vt.": a US lawmaker's party and state.</summary>
    public static bool IsPartyTag(ArticleText article, int k)
    {
        if (!article.IsOutsideWord(k)) return false;
        var word = article[k];
        return word.Length >= 3 && word[0] is 'D' or 'R' or 'I' && word[1] == '-' && char.IsUpper(word[2]);
    }

    /// <summary>"The mayor of Lyon, Camille Ferrand, …", "Its spokesman, Karim Benali, …": a role opening the sentence.</summary>
    private static void ReadBefore(ArticleText article, NameMention mention)
    {
        var comma = mention.First - 1;
        if (!article.IsPunct(comma, ',') || !article.IsPunct(mention.End, ',')) return;
        var sentence = article.Sentences[article.SentenceOf[comma]];
        var first = Dateline.End(article, sentence);
        // "Speaking after the vote, the council leader, Cllr Anne Whitby, said": the title begins after the comma before it.
        for (var k = comma - 1; k > first; k--)
            if (article.IsPunct(k, ',')) { first = k + 1; break; }
        if (comma - first > MaxLength || comma - first < 2) return;
        // The title's last role word ends it, or "of"/"for" follows that word: "The mayor of Lyon", "Age UK's charity director".
        int lastRole = -1, lastBody = -1;
        for (var k = first; k < comma; k++)
        {
            if (!article.Tokens[k].IsOutside && article.Tokens[k].Kind is not (TokenKind.QuoteOpen or TokenKind.QuoteClose)) continue;
            if (article.Tokens[k].IsWord && ReportingCues.IsCue(article[k])) return;
            if (article.Tokens[k].Kind == TokenKind.Punct) return;
            if (article.Tokens[k].IsWord && Titles.IsRoleNoun(NameFinder.StripPossessive(article[k]))) lastRole = k;
            else if (article.Tokens[k].IsWord && Organizations.IsReferringNoun(article[k])) lastBody = k;
        }
        if (lastRole < 0) lastRole = lastBody; // "The manufacturer, GreenLeaf Farms,"
        if (lastRole < 0 || !(lastRole == comma - 1 || article.Is(lastRole + 1, "of") || article.Is(lastRole + 1, "for") || article.Is(lastRole + 1, "at"))) return;
        mention.Titles.Add(NameFinder.TitleText(article, article.Is(first, "the") ? first + 1 : first, comma));
        mention.TitledBefore = true;
        // "The manufacturer, GreenLeaf Farms, said": a body's noun makes the name a body's.
        if (!Titles.IsRoleNoun(article[lastRole]) && Organizations.IsReferringNoun(article[lastRole]))
            mention.Kind = Organizations.KindOfReferringNoun(article[lastRole]);
    }
}
