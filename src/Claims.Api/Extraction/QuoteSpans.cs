namespace Claims.Api.Extraction;

/// <summary>Where a quotation's span starts and ends (docs/extraction.md): between the marks, trimmed, without the
/// comma that belongs to the attribution, and without the full stop of a fragment.</summary>
internal static class QuoteSpans
{
    public static (int Start, int End) Trim(string text, QuotedSpan quote, bool fragment)
    {
        var start = quote.ContentStart;
        var end = quote.ContentEnd;
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (quote.Close >= 0 && end > start && text[end - 1] is ',' or ';' or ':') end--;
        else if (quote.Close >= 0 && fragment && end > start && text[end - 1] is '.' or ',' && !(end - 2 > start && text[end - 2] == '.'))
            end--;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return (start, end);
    }

    public static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return (start, end);
    }
}
