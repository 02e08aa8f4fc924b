namespace Claims.Api.Extraction;

internal enum QuoteFamily { Double, Single }

/// <summary>The quotation marks understood, which family each belongs to, and whether it can open or close.</summary>
internal static class QuoteMarks
{
    public static bool IsMark(char c) => c is '"' or '\'' or '“' or '”' or '„' or '‟' or '‘' or '’' or '‚' or '‛' or '«' or '»' or '‹' or '›';

    public static QuoteFamily FamilyOf(char c) => c is '"' or '“' or '”' or '„' or '‟' or '«' or '»' ? QuoteFamily.Double : QuoteFamily.Single;

    /// <summary>Straight or right single quotes double as apostrophes.</summary>
    public static bool CanBeApostrophe(char c) => c is '\'' or '’' or '‘' or '‛';

    /// <summary>
    /// Whether <paramref name="c"/> can close a quote opened by <paramref name="opener"/>: any mark of the same family
    /// except one that only ever opens; guillemets close only in the direction they were opened («…», »…«, »…»).
    /// </summary>
    public static bool Closes(char opener, char c) => c switch
    {
        '„' or '‚' or '‟' or '‛' => false,
        '«' => opener == '»',
        '‹' => opener == '›',
        '»' => opener is '«' or '»',
        '›' => opener is '‹' or '›',
        '“' => opener is '„' or '“',
        '‘' => opener is '‚' or '‘',
        _ => FamilyOf(c) == FamilyOf(opener) && opener is not ('«' or '»' or '‹' or '›'),
    };

    /// <summary>Marks that open a quotation whatever follows them.</summary>
    public static bool OnlyOpens(char c) => c is '„' or '‚' or '‟' or '‛';
}
