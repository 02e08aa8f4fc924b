using System.Globalization;
using System.Text;

namespace Claims.Api.Reviews;

/// <summary>
/// Publishers' verdicts, in their own words and languages, on one scale. A text maps only when the whole of it is a
/// known verdict: "غير صحيح" (not correct) is false although it contains "صحيح" (correct), and a paragraph of
/// reasoning is <see cref="Rating.Other"/> rather than a guess. The review's language is not consulted, because
/// feeds label Arabic verdicts "en".
/// </summary>
public static class RatingScale
{
    // Before Verdicts: static fields initialise in order, and Verdicts' keys are normalised with it.
    static readonly char[] Punctuation = ['.', '!', '?', '"', '\'', '«', '»', '“', '”', '(', ')', ' ', '،', '؛'];

    static readonly Dictionary<string, Rating> Verdicts = new Dictionary<Rating, string[]>
    {
        [Rating.True] = ["true", "correct", "accurate", "صحيح", "صحيحة", "حقيقي", "نص حقيقي"],
        [Rating.MostlyTrue] = ["mostly true", "mostly correct", "صحيح في معظمه", "صحيح إلى حد كبير"],
        [Rating.Mixed] = ["half true", "mixture", "mixed", "partly true", "partially true", "نصف حقيقي", "نصف صحيح", "صحيح جزئياً"],
        [Rating.MostlyFalse] =
        [
            "misleading", "mostly false", "barely true", "partly false", "partially false",
            "missing context", "out of context", "needs context",
            "مضلل", "تضليل", "غير صحيح جزئياً", "زائف جزئياً", "زائف جزئي", "محتوى ناقص", "سياق ناقص", "سياق مجتزأ", "خارج السياق",
        ],
        [Rating.False] =
        [
            "false", "fake", "wrong", "incorrect", "fabricated", "pants on fire", "pants fire", "altered", "faux",
            "خطأ", "خاطئ", "غير صحيح", "زائف", "كاذب", "خبر كاذب", "مفبرك", "مزيف", "مش حقيقي", "غير حقيقي", "معدل", "فيديو معدل", "صورة معدلة",
        ],
    }.SelectMany(scale => scale.Value.Select(text => (Key: Normalise(text), scale.Key))).ToDictionary(v => v.Key, v => v.Item2);

    public static Rating FromText(string? text) =>
        text is not null && Verdicts.TryGetValue(Normalise(text), out var rating) ? rating : Rating.Other;

    /// <summary>ClaimReview's numbers: true is 5, false is 1; <see cref="Rating.Other"/> has none.</summary>
    public static int? Score(Rating rating) => rating switch
    {
        Rating.True => 5,
        Rating.MostlyTrue => 4,
        Rating.Mixed => 3,
        Rating.MostlyFalse => 2,
        Rating.False => 1,
        _ => null,
    };

    public const int BestScore = 5;
    public const int WorstScore = 1;

    /// <summary>The verdict in words: the publisher's, or the scale's when the client gave only a rating.</summary>
    public static string Textual(string? ratingText, Rating rating) => ratingText ?? Label(rating);

    static string Label(Rating rating) => rating switch
    {
        Rating.MostlyTrue => "Mostly true",
        Rating.MostlyFalse => "Mostly false",
        _ => rating.ToString(),
    };

    /// <summary>
    /// Case, spacing, hyphens, surrounding punctuation and Arabic spelling variants fall away: compatibility
    /// decomposition splits hamza and madda from their alef, and dropping combining marks removes them with the
    /// short vowels and shadda ("مضلّل", "جزئيًا"), as dropping format characters and tatweel removes direction marks and
    /// stretching.
    /// </summary>
    static string Normalise(string text)
    {
        var kept = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format || c == '\u0640') continue;
            kept.Append(c is '-' or '_' || char.IsWhiteSpace(c) ? ' ' : char.ToLowerInvariant(c));
        }
        var words = kept.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words).Trim(Punctuation);
    }
}
