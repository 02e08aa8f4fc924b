namespace Claims.Api.Extraction;

/// <summary>
/// Turns UTF-16 offsets, which the extractor works in, into the code-point offsets of stored spans. Text with no
/// surrogate pair (nearly all news) maps one to one and costs nothing.
/// </summary>
internal sealed class CodePointMap
{
    private readonly int[]? codePointsBefore;

    public CodePointMap(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0) return;
        codePointsBefore = new int[text.Length + 1];
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            codePointsBefore[i] = count;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                codePointsBefore[++i] = count;
            count++;
        }
        codePointsBefore[text.Length] = count;
    }

    public int this[int utf16Offset] => codePointsBefore?[utf16Offset] ?? utf16Offset;

    public Quotes.Span Span(int start, int end) => new(this[start], this[end]);
}
