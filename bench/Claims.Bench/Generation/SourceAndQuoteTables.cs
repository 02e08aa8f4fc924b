using Claims.Api.Infrastructure;
using Npgsql;
using NpgsqlTypes;

namespace Claims.Bench.Generation;

/// <summary>The quotes, for stances to cite: quote i has id Ids[i] and was said by speaker SpeakerOf[i].</summary>
sealed record WrittenQuotes(Guid[] Ids, int[] SpeakerOf, List<(int Quote, int Entity)> Mentions);

/// <summary>
/// Sources and their quotes together: each body is its quotes' texts joined by attributions and filler, so every span
/// holds its quote. The two COPYs run side by side on two connections.
/// </summary>
sealed class SourceAndQuoteTables(Random random, Prose prose, Speaker[] speakers, int quoteCount)
{
    static readonly DateOnly FirstDay = new(2000, 1, 1);
    const int Days = 26 * 365;
    static readonly string[] Publishers =
        Names.Cities.SelectMany(city => Names.PublisherWords.Select(word => $"The {city} {word}")).ToArray();

    readonly PopularityOver speakerPopularity = new(speakers.Length, 0.8, random);
    readonly Zipf publisherRank = new(Publishers.Length, 1.0, random);
    readonly WrittenQuotes quotes = new(new Guid[quoteCount], new int[quoteCount], []);
    int quotesWritten;

    public async Task<WrittenQuotes> CopyAsync(NpgsqlConnection sourceConn, NpgsqlConnection quoteConn, int sourceCount)
    {
        await using var sourceWriter = await Copy.BeginAsync(sourceConn, "source (id, url, title, publisher, published_on, language, body)");
        await using var quoteWriter = await Copy.BeginAsync(quoteConn,
            "quote (id, speaker_id, source_id, kind, text, said_on, place, span_start, span_end, statement_id)");
        for (var s = 0; s < sourceCount; s++)
        {
            var quotesLeft = quoteCount - quotesWritten;
            var sourcesLeft = sourceCount - s;
            var perSource = quotesLeft / sourcesLeft;
            var take = sourcesLeft == 1 ? quotesLeft : Math.Clamp(random.Next(1, 2 * perSource), 1, quotesLeft - (sourcesLeft - 1));
            await WriteSourceAsync(sourceWriter, quoteWriter, s, take);
        }
        await sourceWriter.CompleteAsync();
        await quoteWriter.CompleteAsync();
        return quotes;
    }

    async Task WriteSourceAsync(NpgsqlBinaryImporter sourceWriter, NpgsqlBinaryImporter quoteWriter, int index, int quoteTake)
    {
        var id = Guid.CreateVersion7();
        var publisher = Publishers[publisherRank.Next()];
        DateOnly? published = random.Chance(0.03) ? null : FirstDay.AddDays(random.Next(Days));
        var title = prose.Headline();
        var url = $"https://{Slugs.Slugify(publisher)}.example/{published?.ToString("yyyy/MM/dd") ?? "undated"}/{Slugs.Slugify(title)}-{index}";

        var body = new SourceBody();
        // A few bodies open with a character outside the BMP, so spans are checked in code points, not UTF-16 units.
        if (random.Chance(0.02)) body.Append("🌍 ");
        body.Append($"{title}\n\n{prose.Sentences(1, 3)}");
        var voices = Enumerable.Range(0, random.Next(1, 4)).Select(_ => speakerPopularity.Next()).ToArray();
        for (var i = 0; i < quoteTake; i++)
            await WriteQuoteAsync(quoteWriter, id, published, body, random.Pick(voices));

        await sourceWriter.StartRowAsync();
        await sourceWriter.WriteAsync(id, NpgsqlDbType.Uuid);
        await sourceWriter.WriteAsync(url, NpgsqlDbType.Text);
        await sourceWriter.WriteAsync(title, NpgsqlDbType.Text);
        await sourceWriter.WriteAsync(publisher, NpgsqlDbType.Text);
        await sourceWriter.WriteNullableAsync(published, NpgsqlDbType.Date);
        await sourceWriter.WriteAsync("en", NpgsqlDbType.Text);
        await sourceWriter.WriteAsync(body.ToString(), NpgsqlDbType.Text);
    }

    async Task WriteQuoteAsync(NpgsqlBinaryImporter writer, Guid sourceId, DateOnly? published, SourceBody body, int speaker)
    {
        var (text, entity) = prose.QuoteText();
        var direct = random.Chance(0.85);
        body.Append(direct ? $"\n\n{speakers[speaker].Name} said: “" : $"\n\n{speakers[speaker].Name} argued that ");
        var span = body.AppendQuoted(text);
        body.Append(direct ? "” " : " ");
        body.Append(prose.Sentences(0, 2));

        var id = Guid.CreateVersion7();
        var q = quotesWritten++;
        quotes.Ids[q] = id;
        quotes.SpeakerOf[q] = speaker;
        if (entity is { } e) quotes.Mentions.Add((q, e));
        DateOnly? saidOn = published is { } day && !random.Chance(0.05) ? day.AddDays(-random.Next(4)) : null;

        await writer.StartRowAsync();
        await writer.WriteAsync(id, NpgsqlDbType.Uuid);
        await writer.WriteAsync(speakers[speaker].Id, NpgsqlDbType.Uuid);
        await writer.WriteAsync(sourceId, NpgsqlDbType.Uuid);
        await writer.WriteAsync(direct ? "direct" : "paraphrase", NpgsqlDbType.Text);
        await writer.WriteAsync(text, NpgsqlDbType.Text);
        await writer.WriteNullableAsync(saidOn, NpgsqlDbType.Date);
        await writer.WriteNullableAsync(random.Chance(0.2) ? random.Pick(Names.Cities) : null);
        await writer.WriteAsync(span.Start, NpgsqlDbType.Integer);
        await writer.WriteAsync(span.End, NpgsqlDbType.Integer);
        await writer.WriteAsync(id, NpgsqlDbType.Uuid); // statement_id: a quote alone is its own statement
    }
}
