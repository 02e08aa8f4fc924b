namespace Claims.Api.Extraction;

/// <summary>Line breaks: every one ends a paragraph, except a hard wrap inside a sentence.</summary>
internal static class LineBreaks
{
    /// <summary>A single newline whose next line goes on in lowercase: the text was wrapped, the sentence goes on.</summary>
    public static bool IsSoft(string text, int newline)
    {
        var i = newline + 1;
        while (i < text.Length && text[i] is ' ' or '\t' or '\r') i++;
        return i < text.Length && char.IsLower(text[i]);
    }
}
