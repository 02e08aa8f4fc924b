using Claims.Api.Quotes;

namespace Claims.Api.Extraction;

/// <summary>
/// How likely a quotation is right, span, kind and speaker together, from how it was found. At or above
/// <see cref="High"/> precision was at least 98 % on the development sets (docs/extraction.md), so an import can
/// commit those quotes unreviewed.
/// </summary>
public static class Confidence
{
    public const double High = 0.9;

    internal static double Of(DraftQuote quote)
    {
        var resolution = quote.Resolution;
        if (resolution.Speaker is null)
            return quote.Kind == QuoteKind.Direct && resolution.Attribution == Attribution.Label ? 0.9 : quote.Kind == QuoteKind.Direct ? 0.3 : 0.2;
        var score = (quote.Kind, resolution.Attribution) switch
        {
            (QuoteKind.Direct, Attribution.Name or Attribution.Label) => 0.97,
            (QuoteKind.Direct, Attribution.Title) => 0.93,
            (QuoteKind.Direct, Attribution.Pronoun) => 0.86 + 0.08 * resolution.Certainty,
            (QuoteKind.Direct, Attribution.Context) => 0.75,
            (QuoteKind.Paraphrase, Attribution.Name) => 0.8,
            (QuoteKind.Paraphrase, _) => 0.72,
            _ => 0.3,
        };
        if (!quote.Adjacent) score -= 0.08;
        if (quote.Fragment) score -= 0.02;
        if (quote.Unclosed) score -= 0.3;
        if (resolution.Certainty < 1 && resolution.Attribution == Attribution.Name) score -= 0.1;
        if (quote.Kind == QuoteKind.Paraphrase && quote.Cue is { HasThat: true }) score += 0.05;
        return Math.Clamp(Math.Round(score, 3), 0, 1);
    }
}
