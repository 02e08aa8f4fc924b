namespace Claims.Api.Extraction;

/// <summary>How a person's name is written in the result.</summary>
internal static class Names
{
    /// <summary>A name written in capitals (a transcript's "GRACE OKONJO") as a name is written: "Grace Okonjo".</summary>
    public static string Cased(string name)
    {
        if (name.Any(char.IsLower) || !name.Any(char.IsLetter)) return name;
        var chars = name.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (char.IsLetter(chars[i]) && (i == 0 || chars[i - 1] is ' ' or '-' or '\'' or '’' or '.'))
                chars[i] = char.ToUpperInvariant(chars[i]);
        return new string(chars);
    }
}
