using System.Net;
using Claims.Api.Claims;
using Claims.Api.Infrastructure.Paging;
using Claims.Api.Quotes;
using Claims.Api.Speakers;
using Claims.Api.Tests.Infrastructure;

namespace Claims.Api.Tests;

public sealed class PaginationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task WalkingQuoteCursorsNeverSkipsOrRepeatsWhileQuotesAreAdded()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync("Prolific Speaker");
        var source = await writer.NewSourceAsync(string.Join(" ", Enumerable.Range(0, 60).Select(i => $"Sentence {i:D2}.")));
        var existing = new List<Guid>();
        for (var i = 0; i < 25; i++)
        {
            // Several quotes share a date, and some have none, so the id must break ties.
            var saidOn = i % 5 == 0 ? null : $"2021-01-{1 + i % 4:D2}";
            existing.Add((await writer.NewQuoteAsync(speaker.Id, source, $"Sentence {i:D2}.", saidOn)).Id);
        }

        var added = 0;
        using var concurrentWriter = api.Writer();
        var walked = await api.Reader().WalkAsync<QuoteResponse>($"/v1/speakers/{speaker.Slug}/quotes?limit=4", async () =>
        {
            // Insert rows both before and after the reader's position while it pages.
            await Task.WhenAll(
                concurrentWriter.NewQuoteAsync(speaker.Id, source, $"Sentence {30 + added:D2}.", "2021-01-03"),
                concurrentWriter.NewQuoteAsync(speaker.Id, source, $"Sentence {45 + added:D2}.", "2030-01-01"));
            added++;
        });

        var ids = walked.Select(q => q.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Subset(ids.ToHashSet(), existing.ToHashSet());
        var keys = walked.Select(q => (q.SaidOn ?? DateOnly.MinValue, q.Id)).ToList();
        Assert.Equal(keys.OrderByDescending(k => k.Item1).ThenByDescending(k => k.Id), keys);
    }

    [Fact]
    public async Task SpeakerQuotesAreNewestFirstWithUndatedQuotesLast()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync("Dated Speaker");
        var source = await writer.NewSourceAsync("One. Two. Three.");
        var undated = await writer.NewQuoteAsync(speaker.Id, source, "One.");
        var older = await writer.NewQuoteAsync(speaker.Id, source, "Two.", "2019-05-01");
        var newer = await writer.NewQuoteAsync(speaker.Id, source, "Three.", "2020-05-01");

        var page = await (await writer.GetAsync($"/v1/speakers/{speaker.Id}/quotes")).ReadAsync<Page<QuoteResponse>>();

        Assert.Equal([newer.Id, older.Id, undated.Id], page.Items.Select(q => q.Id));
    }

    [Fact]
    public async Task SpeakersAndClaimsCanBeWalkedToTheEnd()
    {
        var writer = api.Writer();
        for (var i = 0; i < 7; i++)
        {
            await writer.NewSpeakerAsync($"Paged Speaker {i}");
            await writer.NewClaimAsync($"Paged claim {i}");
        }

        var speakers = await api.Reader().WalkAsync<SpeakerResponse>("/v1/speakers?limit=3");
        var claims = await api.Reader().WalkAsync<ClaimResponse>("/v1/claims?limit=3");

        Assert.Equal(speakers.Select(s => s.Slug).Order(StringComparer.Ordinal), speakers.Select(s => s.Slug));
        Assert.Equal(speakers.Count, speakers.Select(s => s.Id).Distinct().Count());
        Assert.True(speakers.Count(s => s.Name.StartsWith("Paged Speaker")) == 7);
        Assert.Equal(claims.Count, claims.Select(c => c.Id).Distinct().Count());
        Assert.True(claims.Count(c => c.Text.StartsWith("Paged claim")) == 7);
    }

    [Fact]
    public async Task QuotesCanBeFilteredByDateRange()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync("Ranged Speaker");
        var source = await writer.NewSourceAsync("Alpha. Beta. Gamma.");
        await writer.NewQuoteAsync(speaker.Id, source, "Alpha.", "2020-01-01");
        var beta = await writer.NewQuoteAsync(speaker.Id, source, "Beta.", "2020-06-01");
        await writer.NewQuoteAsync(speaker.Id, source, "Gamma.", "2021-01-01");

        var page = await (await writer.GetAsync($"/v1/speakers/{speaker.Slug}/quotes?from=2020-02-01&to=2020-12-31"))
            .ReadAsync<Page<QuoteResponse>>();

        Assert.Equal(beta.Id, Assert.Single(page.Items).Id);
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync($"/v1/quotes?from=2020-02-01&source={source.Id}")).StatusCode);
    }
}
