namespace Claims.Api.Extraction;

/// <summary>Words whose dot is not the end of a sentence.</summary>
internal static class Abbreviations
{
    /// <summary>Titles and dates, always followed by more of the sentence: Dr. Smith, Jan. 5, No. 10.</summary>
    private static readonly WordSet NeverFinal = new("""
        Mr Mrs Ms Mx Dr Gov Sen Rep St Gen Lt Col Capt Cpt Sgt Maj Prof Adm Cmdr Cdr Brig Rev Hon Pres Supt Det Insp Messrs
        Mme Mlle Fr Sr Sra Gov Atty Amb Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec No Nos Nr vs Mt Ft Fig Figs Vol
        Ave Blvd approx ca cf Pvt Cpl Spc Gens Reps Sens Govs Msgr Dept Univ
        """);

    /// <summary>Abbreviations that may also close a sentence: Inc., Jr., etc., and dotted ones (U.S., a.m.).</summary>
    private static readonly WordSet MaybeFinal = new("Inc Corp Co Ltd Jr Sr etc al Bros Plc");

    /// <summary>Capitalised words that begin sentences; after "U.S." or "Inc." they say the sentence ended.</summary>
    private static readonly WordSet SentenceStarters = new("""
        The A An He She It They We I You This That These Those His Her Its Their Our But And Or So Yet If When While
        After Before As At In On Of For With By From During Since Although Though However Meanwhile Also Then There
        Here What Who Why How Where Asked According Some Many Most Other Officials Such No Not
        """);

    public static bool NeverEndsSentence(ReadOnlySpan<char> word) =>
        NeverFinal.Contains(word) || (word.Length == 1 && char.IsUpper(word[0]));

    public static bool MayEndSentence(ReadOnlySpan<char> word) => MaybeFinal.Contains(word) || IsDotted(word);

    public static bool IsDotted(ReadOnlySpan<char> word) => word.Length >= 3 && word[^1] == '.' && word[1] == '.';

    public static bool StartsSentence(ReadOnlySpan<char> word) => SentenceStarters.Contains(word);
}
