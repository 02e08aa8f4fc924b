using Claims.Api.Infrastructure;

namespace Claims.Bench.Generation;

/// <summary>A named thing texts mention by its name or one of its aliases.</summary>
sealed record Entity(Guid Id, string Slug, string Name, string[] Aliases)
{
    public string Mention(Random random) => Aliases.Length == 0 || random.Chance(0.6) ? Name : random.Pick(Aliases);
}

static class Entities
{
    /// <summary>
    /// Each entity's names all contain a made-up word of its own, found in no other name and not in the vocabulary, so a
    /// text mentions exactly the entities the generator put into it: the rows the mention triggers would have written.
    /// </summary>
    public static Entity[] Make(int count, Random random, Vocabulary vocabulary)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        bool Free(string name) => !vocabulary.Contains(name) && taken.Add(name);

        var entities = new Entity[count];
        for (var i = 0; i < count; i++)
        {
            string core;
            do core = Names.Invented(random); while (!Free(core));
            var (name, aliases) = Shape(core, random);
            entities[i] = new Entity(Guid.CreateVersion7(), Slugs.Slugify(name), name, aliases.Where(a => a == core || Free(a)).ToArray());
        }
        return entities;
    }

    static (string Name, string[] Aliases) Shape(string core, Random random)
    {
        switch (random.Next(5))
        {
            case 0:
                return ($"Republic of {core}", [core]);
            case 1:
                return ($"{core} Treaty", [$"Treaty of {core}"]);
            case 2:
                return ($"{random.Pick(Names.FirstNames)} {core}", [core]);
            case 3:
                return ($"{core} River", []);
            default:
                var name = $"{core} {random.Pick(Names.Fields)} {random.Pick(Names.OrganizationKinds)}";
                var acronym = string.Concat(name.Split(' ').Select(w => w[0]));
                return (name, [acronym, core]);
        }
    }
}
