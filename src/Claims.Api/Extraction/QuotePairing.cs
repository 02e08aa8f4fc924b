namespace Claims.Api.Extraction;

/// <summary>
/// Pairs quotation marks in one linear pass: nesting by a stack, apostrophes told apart from single quotes by what
/// flanks them, a quotation reopened at the start of the next paragraph continued, and every mark that pairs with
/// nothing reported as a warning.
/// </summary>
internal sealed class QuotePairing
{
    private enum Role { Ignore, Open, Close, Unopened }

    private readonly record struct Opener(char Mark, int Position, int Chain, bool ContinuesPrevious);

    private readonly string text;
    private readonly List<Opener> stack = new(4);
    private int chains;
    private int continuedChain = -1;

    public List<QuotedSpan> Quotes { get; } = [];
    public List<int> MarkPositions { get; } = [];
    public List<RawWarning> Warnings { get; } = [];

    private QuotePairing(string text) => this.text = text;

    public static QuotePairing Pair(string text)
    {
        var pairing = new QuotePairing(text);
        pairing.Run();
        return pairing;
    }

    private void Run()
    {
        var paragraphStarted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                EndParagraph(i);
                paragraphStarted = false;
                continue;
            }
            var firstOfParagraph = !paragraphStarted && !char.IsWhiteSpace(c);
            if (firstOfParagraph) paragraphStarted = true;
            if (!QuoteMarks.IsMark(c))
            {
                if (firstOfParagraph) continuedChain = -1;
                continue;
            }
            switch (Decide(i))
            {
                case Role.Open:
                    Push(c, i, firstOfParagraph);
                    break;
                case Role.Close:
                    Close(c, i);
                    break;
                case Role.Unopened:
                    Warnings.Add(new("unopened-quote", $"The closing mark {c} closes no quotation.", i, i + 1));
                    break;
            }
            if (firstOfParagraph) continuedChain = -1;
        }
        EndParagraph(text.Length);
    }

    private void Push(char mark, int position, bool firstOfParagraph)
    {
        MarkPositions.Add(position);
        var continues = stack.Count == 0 && firstOfParagraph && continuedChain >= 0;
        stack.Add(new(mark, position, continues ? continuedChain : stack.Count == 0 ? ++chains : 0, continues));
    }

    private void Close(char mark, int position)
    {
        var match = stack.Count - 1;
        while (match >= 0 && !QuoteMarks.Closes(stack[match].Mark, mark)) match--;
        if (match < 0)
        {
            Warnings.Add(new("unopened-quote", $"The closing mark {mark} closes no quotation.", position, position + 1));
            return;
        }
        for (var inner = stack.Count - 1; inner > match; inner--) WarnUnclosed(stack[inner]);
        MarkPositions.Add(position);
        var opener = stack[match];
        stack.RemoveRange(match, stack.Count - match);
        if (match == 0)
            Quotes.Add(new(opener.Position, position, opener.Position + 1, position, opener.Chain, opener.ContinuesPrevious, false));
    }

    private void EndParagraph(int end)
    {
        if (stack.Count == 0) return;
        for (var inner = stack.Count - 1; inner > 0; inner--) WarnUnclosed(stack[inner]);
        var outer = stack[0];
        stack.Clear();
        var continues = ReopensNextParagraph(end, outer.Mark);
        if (!continues) WarnUnclosed(outer);
        Quotes.Add(new(outer.Position, -1, outer.Position + 1, end, outer.Chain, outer.ContinuesPrevious, continues));
        continuedChain = continues ? outer.Chain : -1;
    }

    private bool ReopensNextParagraph(int end, char opener)
    {
        var next = end;
        while (next < text.Length && char.IsWhiteSpace(text[next])) next++;
        if (next >= text.Length || !QuoteMarks.IsMark(text[next])) return false;
        var mark = text[next];
        return QuoteMarks.FamilyOf(mark) == QuoteMarks.FamilyOf(opener) && (mark == opener || QuoteMarks.OnlyOpens(mark) || mark is '"' or '\'' or '“' or '‘' or '«' or '‹');
    }

    private void WarnUnclosed(Opener opener) =>
        Warnings.Add(new("unclosed-quote", $"The quotation opened by {opener.Mark} is never closed.", opener.Position, opener.Position + 1));

    private Role Decide(int i)
    {
        var c = text[i];
        var prev = i > 0 ? text[i - 1] : '\n';
        var next = i + 1 < text.Length ? text[i + 1] : '\n';
        var leftFlanking = !char.IsWhiteSpace(next) && !char.IsLetterOrDigit(prev) && !EndsPhrase(prev);
        var rightFlanking = !char.IsWhiteSpace(prev) && (char.IsWhiteSpace(next) || EndsPhrase(next) || QuoteMarks.IsMark(next) || next is '-' or '—' or '–' or '/');
        var top = stack.Count > 0 ? stack[^1].Mark : '\0';
        var closesTop = top != '\0' && QuoteMarks.Closes(top, c);

        if (QuoteMarks.CanBeApostrophe(c))
        {
            if (char.IsLetterOrDigit(prev) && char.IsLetter(next)) return Role.Ignore; // don't, O'Brien
            if (!char.IsLetterOrDigit(prev) && char.IsDigit(next)) return Role.Ignore; // '90s
        }
        switch (c)
        {
            case '"':
                if (leftFlanking && !rightFlanking) return Role.Open;
                if (rightFlanking && !leftFlanking) return AnyOpen(c) ? Role.Close : Role.Unopened;
                return closesTop ? Role.Close : Role.Open;
            case '\'':
            case '’':
                if (rightFlanking && !leftFlanking)
                    return AnyOpen(c) && !LooksPossessive(i) ? Role.Close : Role.Ignore; // students' union
                if (leftFlanking && !rightFlanking) return Role.Open;
                return closesTop ? Role.Close : Role.Ignore;
            case '‘':
                return closesTop && rightFlanking && !leftFlanking ? Role.Close : Role.Open;
            case '“':
                return closesTop && rightFlanking && !leftFlanking ? Role.Close : Role.Open;
            case '”':
                if (AnyOpen(c)) return Role.Close;
                return leftFlanking && !rightFlanking ? Role.Open : Role.Unopened; // ”…” house style
            case '«':
            case '‹':
                return closesTop ? Role.Close : Role.Open;
            case '»':
            case '›':
                if (top is '«' or '‹' && closesTop) return Role.Close;
                if (closesTop && rightFlanking && !leftFlanking) return Role.Close;
                if (AnyOpen(c)) return Role.Close;
                return !rightFlanking || leftFlanking ? Role.Open : Role.Unopened;
            default:
                return Role.Open; // „ ‚ ‟ ‛ only open
        }
    }

    private bool AnyOpen(char closer)
    {
        foreach (var opener in stack)
            if (QuoteMarks.Closes(opener.Mark, closer)) return true;
        return false;
    }

    /// <summary>A mark after an s, then a lowercase word, with another closing single mark later in the paragraph.</summary>
    private bool LooksPossessive(int i)
    {
        if (i == 0 || text[i - 1] is not ('s' or 'S')) return false;
        var j = i + 1;
        while (j < text.Length && text[j] == ' ') j++;
        if (j >= text.Length || !char.IsLower(text[j])) return false;
        for (; j < text.Length && text[j] != '\n'; j++)
            if (text[j] is '\'' or '’' && !char.IsWhiteSpace(text[j - 1]) && (j + 1 >= text.Length || !char.IsLetter(text[j + 1])))
                return true;
        return false;
    }

    private static bool EndsPhrase(char c) => c is '.' or ',' or ';' or ':' or '!' or '?' or '…' or ')' or ']' or '}';
}
