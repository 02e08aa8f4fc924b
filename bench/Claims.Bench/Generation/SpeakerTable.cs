using Claims.Api.Infrastructure;
using Npgsql;
using NpgsqlTypes;

namespace Claims.Bench.Generation;

sealed record Speaker(Guid Id, string Name);

/// <summary>People ("José A. Müller"), organisations and government bodies, with titles, aliases and unique slugs.</summary>
static class SpeakerTable
{
    public static async Task<Speaker[]> CopyAsync(NpgsqlConnection conn, int count, Random random)
    {
        var speakers = new Speaker[count];
        var slugs = new UniqueSlugs();
        await using var writer = await Copy.BeginAsync(conn, "speaker (id, slug, name, kind, title, aliases)");
        for (var i = 0; i < count; i++)
        {
            var (name, kind, title, aliases) = random.NextDouble() switch
            {
                < 0.80 => Person(random),
                < 0.94 => Organization(random),
                _ => Government(random),
            };
            speakers[i] = new Speaker(Guid.CreateVersion7(), name);
            await writer.StartRowAsync();
            await writer.WriteAsync(speakers[i].Id, NpgsqlDbType.Uuid);
            await writer.WriteAsync(slugs.For(name), NpgsqlDbType.Text);
            await writer.WriteAsync(name, NpgsqlDbType.Text);
            await writer.WriteAsync(kind, NpgsqlDbType.Text);
            await writer.WriteNullableAsync(title);
            await writer.WriteAsync(aliases, NpgsqlDbType.Array | NpgsqlDbType.Text);
        }
        await writer.CompleteAsync();
        return speakers;
    }

    static (string, string, string?, string[]) Person(Random random)
    {
        var first = random.Pick(Names.FirstNames);
        var last = random.Pick(Names.LastNames);
        var middle = random.Chance(0.5) ? $" {(char)('A' + random.Next(26))}." : "";
        var title = random.Chance(0.7) ? random.Pick(Names.Titles) : null;
        string[] aliases = random.Chance(0.25) ? [$"{first[0]}. {last}"] : [];
        return ($"{first}{middle} {last}", "person", title, aliases);
    }

    static readonly string[] Scopes = ["", "International ", "National ", "European ", "Global ", "Independent "];

    static (string, string, string?, string[]) Organization(Random random)
    {
        var kind = random.Pick(Names.OrganizationKinds);
        var name = $"{random.Pick(Scopes)}{random.Pick(Names.Fields)} {kind} of {random.Pick(Names.Cities)}";
        return (name, "organization", null, random.Chance(0.3) ? [string.Concat(name.Split(' ').Where(w => w != "of").Select(w => w[0]))] : []);
    }

    static (string, string, string?, string[]) Government(Random random)
    {
        var country = Names.Invented(random);
        var portfolio = random.Pick(Names.Portfolios);
        return ($"Ministry of {portfolio} of {country}", "government", null, [$"{country} {portfolio} Ministry"]);
    }
}

/// <summary>Slugs as the API makes them, with -2, -3… for ones already taken.</summary>
sealed class UniqueSlugs
{
    readonly HashSet<string> issued = new(StringComparer.Ordinal);
    readonly Dictionary<string, int> lastSuffix = new(StringComparer.Ordinal);

    public string For(string text)
    {
        var slug = Slugs.Slugify(text);
        var candidate = slug;
        while (!issued.Add(candidate))
            candidate = $"{slug}-{lastSuffix[slug] = lastSuffix.GetValueOrDefault(slug, 1) + 1}";
        return candidate;
    }
}
