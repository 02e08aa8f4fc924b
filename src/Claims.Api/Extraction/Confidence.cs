using Claims.Api.Quotes;

namespace Claims.Api.Extraction;

/// <summary>
/// How likely a quotation is right, span, kind and speaker together, from how it was found. At or above
/// <see cref="High"/> precision was 100 % on the tuning part of the development sets and 97.7 % on the part kept
/// to validate (docs/extraction.md, "Confidence"), so an import can commit those quotes unreviewed.
/// </summary>
public static class Confidence
{
    public const double High = 0.9;

    internal static double Of(FoundQuote quote)
    {
        var resolution = quote.Resolution;
        if (resolution.Speaker is null)
            return quote.Kind == QuoteKind.Direct && resolution.Attribution == Attribution.Label ? 0.9 : quote.Kind == QuoteKind.Direct ? 0.3 : 0.2;
        // The figures are the share of right quotes of each kind on the development sets, rounded down; a pronoun needs
        // a clear lead over its rivals, as pronouns were the least reliable attribution on the articles kept to validate.
        var score = (quote.Kind, resolution.Attribution) switch
        {
            // An interviewer or interviewee told only by the introduction is a reading of it, not a label of theirs.
            (QuoteKind.Direct, Attribution.Label) when resolution.Certainty < 1 => 0.88,
            (QuoteKind.Direct, Attribution.Name or Attribution.Label) => quote.Adjacent ? 0.97 : 0.9,
            (QuoteKind.Direct, Attribution.Title) => 0.8 + 0.08 * resolution.Certainty,
            (QuoteKind.Direct, Attribution.Pronoun) => 0.8 + 0.13 * resolution.Certainty - (quote.Adjacent ? 0 : 0.05),
            (QuoteKind.Direct, Attribution.Context) => 0.7,
            (QuoteKind.Paraphrase, Attribution.Name) => quote.Cue is { HasThat: true } ? 0.94 : 0.91,
            (QuoteKind.Paraphrase, Attribution.Pronoun) => quote.Cue is { HasThat: true } ? 0.86 : 0.82,
            (QuoteKind.Paraphrase, _) => (quote.Cue is { HasThat: true } ? 0.75 : 0.7) + 0.05 * resolution.Certainty,
            _ => 0.3,
        };
        if (quote.Unclosed) score -= 0.3;
        if (resolution.Certainty < 1 && resolution.Attribution == Attribution.Name) score -= 0.1;
        return Math.Clamp(Math.Round(score, 3), 0, 1);
    }
}
