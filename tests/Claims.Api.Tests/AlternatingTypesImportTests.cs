using Claims.Api.Tests.Infrastructure;
using Claims.Api.Transfer;
using static Claims.Api.Tests.Infrastructure.Ndjson;

namespace Claims.Api.Tests;

/// <summary>Input whose records alternate types, as a format may write a statement's claim, review and stance in turn.</summary>
public sealed class AlternatingTypesImportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task RecordsThatAlternateTypesAreAllImported()
    {
        var (first, speaker) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var lines = new List<string>
        {
            Record("source", new { id = first, url = $"https://example.org/alternating/{first:N}" }),
            Record("speaker", new { id = speaker, slug = $"alternating-{speaker:N}", name = "Alternating" }),
        };
        var claims = Enumerable.Range(0, 40).Select(_ => Guid.CreateVersion7()).ToList();
        foreach (var claim in claims)
        {
            lines.Add(Record("claim", new { id = claim, slug = $"alternating-{claim:N}", text = $"Claim {claim} alternates." }));
            lines.Add(Record("review", new
            {
                id = Guid.CreateVersion7(), claimId = claim, publisherSite = "politifact.com", url = $"https://www.politifact.com/{claim:N}", rating = "false",
            }));
            lines.Add(Record("stance", new { id = Guid.CreateVersion7(), claimId = claim, speakerId = speaker, position = "asserts" }));
        }
        // Sources waiting for their turn, big enough that they are staged before the input ends.
        var sources = Enumerable.Range(0, 6).Select(_ => Guid.CreateVersion7()).ToList();
        foreach (var source in sources)
        {
            lines.Add(Record("source", new { id = source, url = $"https://example.org/alternating/{source:N}", body = new string('x', 1_000_000) }));
            var other = Guid.CreateVersion7();
            lines.Add(Record("speaker", new { id = other, slug = $"alternating-{other:N}", name = "Alternating too" }));
        }

        var report = await (await ImportAsync(api.Writer(), [.. lines])).ReadAsync<ImportReport>();

        Assert.Equal((7, 7, 40, 40, 40), (report.Speaker.Created, report.Source.Created, report.Claim.Created, report.Review.Created, report.Stance.Created));
        var last = await api.Reader().ClaimAsync(claims[^1].ToString());
        Assert.Equal([speaker], last.Stances.Select(s => s.Speaker.Id));
        Assert.Single(last.Reviews);
    }
}
