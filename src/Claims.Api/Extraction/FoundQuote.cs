using Claims.Api.Quotes;

namespace Claims.Api.Extraction;

/// <summary>A quotation found, in UTF-16 offsets, before ids, code points and confidence are given.</summary>
internal sealed class FoundQuote
{
    public required QuoteKind Kind { get; init; }
    public required int Start { get; set; }
    public required int End { get; set; }
    /// <summary>The quote's first token: the reading order of the draft.</summary>
    public required int Token { get; init; }
    public CueMatch? Cue { get; set; }
    public Resolution Resolution { get; set; } = new(null, [], Attribution.None, 0);
    public int Group { get; set; }
    /// <summary>The cue is right before or after the quote, not elsewhere in its sentence.</summary>
    public bool Adjacent { get; set; }
    public bool Fragment { get; set; }
    public bool Unclosed { get; set; }
    public int Chain { get; set; } = -1;
    public bool ContinuesPrevious { get; set; }
}
