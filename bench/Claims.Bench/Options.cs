using System.Globalization;

namespace Claims.Bench;

/// <summary><c>--name value</c> pairs and <c>--flag</c>s; every option a command reads must be known, so a typo fails instead of being ignored.</summary>
sealed class Options
{
    // Marks a --name followed by no value; compared by reference, so no value typed on the command line can be mistaken for it.
    static readonly string FlagValue = new('-', 2);

    readonly Dictionary<string, string> values;
    readonly HashSet<string> read = [];

    Options(Dictionary<string, string> values) => this.values = values;

    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || args[i].Length == 2)
                throw new OptionsException($"Expected '--name value' or '--flag', got '{string.Join(' ', args[i..])}'.");
            var isFlag = i + 1 == args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal);
            values[args[i][2..]] = isFlag ? FlagValue : args[++i];
        }
        return new Options(values);
    }

    public string? String(string name)
    {
        read.Add(name);
        var value = values.GetValueOrDefault(name);
        return ReferenceEquals(value, FlagValue) ? throw new OptionsException($"--{name} needs a value.") : value;
    }

    /// <summary>A <c>--name</c> given without a value.</summary>
    public bool Flag(string name)
    {
        read.Add(name);
        if (!values.TryGetValue(name, out var value)) return false;
        if (!ReferenceEquals(value, FlagValue)) throw new OptionsException($"--{name} takes no value, got '{value}'.");
        return true;
    }

    public string String(string name, string fallback) => String(name) ?? fallback;

    public int Int(string name, int fallback) => String(name) switch
    {
        null => fallback,
        var text when int.TryParse(text, out var value) && value > 0 => value,
        var text => throw new OptionsException($"--{name} must be a positive whole number, not '{text}'."),
    };

    /// <summary>One or more fractions, separated by commas: <c>--threshold 0.8,0.9</c>.</summary>
    public IReadOnlyList<double> Fractions(string name, IReadOnlyList<double> fallback) => String(name) switch
    {
        null => fallback,
        var text => text.Split(',').Select(part => double.TryParse(part, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
            ? value : throw new OptionsException($"--{name} must be numbers from 0 to 1, separated by commas, not '{text}'.")).ToList(),
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
