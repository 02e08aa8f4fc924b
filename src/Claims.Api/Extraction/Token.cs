namespace Claims.Api.Extraction;

internal enum TokenKind : byte { Word, Punct, QuoteOpen, QuoteClose, InnerMark, Break }

/// <summary>
/// A word, a punctuation mark, a quotation mark or a line break, in UTF-16 offsets. <c>Quote</c> is the top-level
/// quotation whose words (or marks) it is, -1 for the reporter's own text.
/// </summary>
internal readonly record struct Token(int Start, int End, TokenKind Kind, int Quote)
{
    public int Length => End - Start;
    public bool IsWord => Kind == TokenKind.Word;
    public bool IsOutside => Quote < 0;
}
