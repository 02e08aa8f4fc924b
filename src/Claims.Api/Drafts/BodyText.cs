using Claims.Api.Quotes;
using Claims.Api.Extraction;

namespace Claims.Api.Drafts;

/// <summary>
/// An article's body addressed as spans count it, in Unicode code points. A body without surrogate pairs (most) is
/// addressed directly; one with them keeps a table from code points to UTF-16 positions.
/// </summary>
public sealed class BodyText
{
    readonly int[]? utf16At;

    public BodyText(string text)
    {
        Text = text;
        if (!text.Any(char.IsSurrogate))
        {
            Length = text.Length;
            return;
        }
        var at = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1) at.Add(i);
        at.Add(text.Length);
        utf16At = [.. at];
        Length = utf16At.Length - 1;
    }

    public string Text { get; }

    /// <summary>The length in code points.</summary>
    public int Length { get; }

    public bool Holds(Span span) => span.Start >= 0 && span.Start < span.End && span.End <= Length;

    public string At(Span span) => Text[Utf16(span.Start)..Utf16(span.End)];

    /// <summary>The span of the occurrence of <paramref name="text"/> that starts nearest <paramref name="near"/>, or null.</summary>
    public Span? Find(string text, int near)
    {
        if (text.Length == 0) return null;
        Span? best = null;
        for (var i = Text.IndexOf(text, StringComparison.Ordinal); i >= 0; i = Text.IndexOf(text, i + 1, StringComparison.Ordinal))
        {
            var start = CodePoint(i);
            if (best is null || Math.Abs(start - near) < Math.Abs(best.Start - near))
                best = new Span(start, CodePoint(i + text.Length));
        }
        return best;
    }

    /// <summary>
    /// The span without what cannot begin or end a quotation on its own: white space around it, the punctuation that
    /// ends the words before it ("… ", ". "), a comma, colon or semicolon that belongs to an attribution after it (see
    /// docs/extraction.md), and the dashes that set off an aside (with U+FFFD, the damaged dash of the seed reports).
    /// Null when what is left holds no letter or digit.
    /// </summary>
    public Span? Trim(Span span)
    {
        var (start, end) = (span.Start, span.End);
        while (start < end && IsLeading(CharAt(start))) start++;
        while (end > start && IsTrailing(CharAt(end - 1))) end--;
        if (start == end) return null;
        var trimmed = new Span(start, end);
        return At(trimmed).Any(char.IsLetterOrDigit) ? trimmed : null;
    }

    static bool IsLeading(string c) => IsTrailing(c) || c is "." or "…";

    static bool IsTrailing(string c) => IsSpace(c) || c is "," or ";" or ":" or "—" or "–" or "\uFFFD";

    static bool IsSpace(string c) => c.Length == 1 && char.IsWhiteSpace(c[0]);

    string CharAt(int codePoint) => Text[Utf16(codePoint)..Utf16(codePoint + 1)];

    int Utf16(int codePoint) => utf16At?[codePoint] ?? codePoint;

    int CodePoint(int utf16)
    {
        if (utf16At is null) return utf16;
        var at = Array.BinarySearch(utf16At, utf16);
        return at >= 0 ? at : ~at;
    }

    /// <summary>How many code points <paramref name="text"/> has.</summary>
    public static int CodePoints(string text) => text.Length - text.Count(char.IsLowSurrogate);

    /// <summary>
    /// The first character that makes text unreadable as an article, and its position in code points, or null: a control
    /// character other than tab, line and page breaks (what binary files are made of), or half a surrogate pair.
    /// </summary>
    public static (int At, char Char)? FirstUnreadable(string text)
    {
        for (var (i, at) = (0, 0); i < text.Length; i++, at++)
        {
            var c = text[i];
            if (char.IsSurrogatePair(text, i)) i++;
            else if (char.IsSurrogate(c) || c is < ' ' and not ('\t' or '\n' or '\r' or '\f') or '\x7F') return (at, c);
        }
        return null;
    }
}
