namespace Claims.Api.Extraction;

/// <summary>A sentence as tokens [First, End), outside quotations; a quotation's words belong to the sentence around it.</summary>
internal readonly record struct Sentence(int First, int End, int Paragraph);

/// <summary>The article read once: its quotations paired, its tokens, its sentences and paragraphs.</summary>
internal sealed class ArticleText
{
    public string Text { get; }
    public List<QuotedSpan> Quotes { get; }
    public List<RawWarning> Warnings { get; }
    public List<Token> Tokens { get; }
    public List<Sentence> Sentences { get; }
    /// <summary>The sentence of each token (a line break's is the sentence it ends).</summary>
    public int[] SentenceOf { get; }

    public ArticleText(string text)
    {
        Text = text;
        var pairing = QuotePairing.Pair(text);
        Quotes = pairing.Quotes;
        Warnings = pairing.Warnings;
        Tokens = Tokenizer.Tokenize(text, Quotes, pairing.MarkPositions);
        Sentences = SentenceSplitter.Split(this);
        SentenceOf = new int[Tokens.Count];
        for (var s = 0; s < Sentences.Count; s++)
        {
            var end = s + 1 < Sentences.Count ? Sentences[s + 1].First : Tokens.Count;
            for (var k = Sentences[s].First; k < end; k++) SentenceOf[k] = s;
        }
    }

    public ReadOnlySpan<char> this[int token] => Text.AsSpan(Tokens[token].Start, Tokens[token].Length);

    public bool Is(int token, string word) =>
        token >= 0 && token < Tokens.Count && Tokens[token].IsWord && this[token].Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsPunct(int token, char c) =>
        token >= 0 && token < Tokens.Count && Tokens[token].Kind == TokenKind.Punct && Tokens[token].Length == 1 && Text[Tokens[token].Start] == c;

    public bool IsCapitalized(int token) => Tokens[token].IsWord && char.IsUpper(Text[Tokens[token].Start]);

    public bool IsLower(int token) => Tokens[token].IsWord && char.IsLower(Text[Tokens[token].Start]);

    /// <summary>All letters uppercase, at least two of them: NATO, STOLTENBERG.</summary>
    public bool IsAllCaps(int token)
    {
        var letters = 0;
        foreach (var c in this[token])
        {
            if (char.IsLower(c)) return false;
            if (char.IsLetter(c)) letters++;
        }
        return letters >= 2;
    }

    public bool IsOutsideWord(int token) => token >= 0 && token < Tokens.Count && Tokens[token].IsWord && Tokens[token].IsOutside;

    public int ParagraphOf(int token) => Sentences.Count == 0 ? 0 : Sentences[SentenceOf[token]].Paragraph;
}
