namespace Claims.Api.Extraction;

/// <summary>
/// Splits the text into tokens in one pass. Words keep their apostrophes (don't, '90s, students'), hyphens
/// (Secretary-General), number separators (5,500, 2:47) and the dots of dotted abbreviations (U.S., a.m.).
/// </summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string text, List<QuotedSpan> quotes, List<int> markPositions)
    {
        var tokens = new List<Token>(text.Length / 5 + 8);
        var nextMark = 0;
        var quote = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                var start = i;
                var lineBreak = false;
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    lineBreak |= text[i] == '\n' && !LineBreaks.IsSoft(text, i);
                    i++;
                }
                if (lineBreak) tokens.Add(new(start, i, TokenKind.Break, -1));
                continue;
            }
            while (quote < quotes.Count && End(quotes[quote]) < i) quote++;
            var inside = quote < quotes.Count && quotes[quote].Open <= i && i <= End(quotes[quote]) ? quote : -1;
            if (nextMark < markPositions.Count && markPositions[nextMark] == i)
            {
                nextMark++;
                var kind = inside >= 0 && quotes[inside].Open == i ? TokenKind.QuoteOpen
                    : inside >= 0 && quotes[inside].Close == i ? TokenKind.QuoteClose : TokenKind.InnerMark;
                tokens.Add(new(i, i + 1, kind, inside));
                i++;
                continue;
            }
            var isWord = char.IsLetterOrDigit(c) || (QuoteMarks.CanBeApostrophe(c) && i + 1 < text.Length && char.IsDigit(text[i + 1]));
            var nextMarkPosition = nextMark < markPositions.Count ? markPositions[nextMark] : text.Length;
            var end = isWord ? WordEnd(text, i, nextMarkPosition) : PunctEnd(text, i);
            tokens.Add(new(i, end, isWord ? TokenKind.Word : TokenKind.Punct, inside));
            i = end;
        }
        return tokens;
    }

    private static int End(QuotedSpan quote) => quote.Close >= 0 ? quote.Close : quote.ContentEnd;

    private static int WordEnd(string text, int start, int nextMarkPosition)
    {
        var i = start + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark) { i++; continue; }
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c is '-' or '‐' or '‑' && char.IsLetterOrDigit(next)) { i += 2; continue; }
            if (c is '.' or ',' or ':' && char.IsDigit(text[i - 1]) && char.IsDigit(next)) { i += 2; continue; } // 3.5, 5,500, 2:47
            if (QuoteMarks.CanBeApostrophe(c) && i != nextMarkPosition && char.IsLetter(text[i - 1]))
            {
                if (char.IsLetter(next)) { i += 2; continue; } // don't, O'Brien
                if (text[i - 1] is 's' or 'S') return i + 1; // students'
            }
            if (c == '.' && i - start == 1 && char.IsLetter(text[start]) && char.IsLetter(next) && i + 2 < text.Length && text[i + 2] == '.')
                return DottedEnd(text, start);
            break;
        }
        return i;
    }

    /// <summary>U.S., a.m., U.N.: single letters each followed by a dot; the last dot belongs to the word.</summary>
    private static int DottedEnd(string text, int start)
    {
        var i = start;
        while (i + 1 < text.Length && char.IsLetter(text[i]) && text[i + 1] == '.') i += 2;
        return i;
    }

    private static int PunctEnd(string text, int start)
    {
        var c = text[start];
        var i = start + 1;
        if (c is '.' or '-') while (i < text.Length && text[i] == c) i++; // ... and --
        return i;
    }
}
