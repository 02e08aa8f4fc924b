namespace Claims.Bench;

/// <summary><c>--name value</c> pairs; every option a command reads must be known, so a typo fails instead of being ignored.</summary>
sealed class Options
{
    readonly Dictionary<string, string> values;
    readonly HashSet<string> read = [];

    Options(Dictionary<string, string> values) => this.values = values;

    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new OptionsException($"Expected '--name value', got '{string.Join(' ', args[i..])}'.");
            values[args[i][2..]] = args[i + 1];
        }
        return new Options(values);
    }

    public string? String(string name)
    {
        read.Add(name);
        return values.GetValueOrDefault(name);
    }

    public string String(string name, string fallback) => String(name) ?? fallback;

    public int Int(string name, int fallback) => String(name) switch
    {
        null => fallback,
        var text when int.TryParse(text, out var value) && value > 0 => value,
        var text => throw new OptionsException($"--{name} must be a positive whole number, not '{text}'."),
    };

    /// <summary>Call after reading every option: refuses the ones no one read.</summary>
    public void RejectUnknown()
    {
        var unknown = values.Keys.Where(k => !read.Contains(k)).ToList();
        if (unknown.Count > 0) throw new OptionsException($"Unknown option(s): {string.Join(", ", unknown.Select(k => "--" + k))}.");
    }
}

sealed class OptionsException(string message) : Exception(message);

/// <summary>The benchmark ran and found something wrong: a bad response, broken provenance, a refused target.</summary>
sealed class BenchFailedException(string message) : Exception(message);
