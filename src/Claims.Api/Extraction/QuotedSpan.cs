namespace Claims.Api.Extraction;

/// <summary>
/// A top-level quotation as the marks delimit it, in UTF-16 offsets: the opening mark, the closing mark (-1 when the
/// paragraph ended first) and the text between them, untrimmed. Spans of one quotation continued across paragraphs
/// share a <c>Chain</c>.
/// </summary>
internal readonly record struct QuotedSpan(int Open, int Close, int ContentStart, int ContentEnd, int Chain, bool ContinuesPrevious, bool ContinuesNext)
{
    public bool Unclosed => Close < 0 && !ContinuesNext;

    /// <summary>Where the quotation's last character is: its closing mark, else the end of its paragraph.</summary>
    public int Last => Close >= 0 ? Close : ContentEnd - 1;
}

/// <summary>A warning in UTF-16 offsets, converted to code points with the rest of the result.</summary>
internal readonly record struct RawWarning(string Code, string Message, int Start, int End);
