namespace Claims.Api.Matching;

/// <summary>
/// Reads PostgreSQL's text form of a tsvector (<c>'9m729':2 'treati':6,9A</c>): each lexeme with how many times it
/// occurs. A lexeme's quotes are doubled and a backslash escapes the next character; a stripped lexeme has no
/// positions and counts once. The lexemes are PostgreSQL's own, so a claim's words here are its words in search.
/// </summary>
static class TsVectorText
{
    public static List<(string Lexeme, int Count)> Parse(string? text)
    {
        var lexemes = new List<(string, int)>();
        if (string.IsNullOrEmpty(text)) return lexemes;
        var word = new System.Text.StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '\'') { i++; continue; }
            word.Clear();
            for (i++; i < text.Length; i++)
            {
                if (text[i] == '\\' && i + 1 < text.Length) word.Append(text[++i]);
                else if (text[i] == '\'' && i + 1 < text.Length && text[i + 1] == '\'') word.Append(text[++i]);
                else if (text[i] == '\'') break;
                else word.Append(text[i]);
            }
            i++;
            var count = 1;
            if (i < text.Length && text[i] == ':')
                for (; i < text.Length && text[i] != ' '; i++)
                    if (text[i] == ',') count++;
            lexemes.Add((word.ToString(), count));
        }
        return lexemes;
    }
}
