using System.Net;
using System.Text.Json;
using Claims.Api.Tests.Infrastructure;

namespace Claims.Api.Tests;

/// <summary>Every 201 names in Location a URL that answers with what was created.</summary>
public sealed class CreatedLocationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task TheLocationOfEveryCreatedResourceCanBeFetched()
    {
        var writer = api.Writer();
        var speaker = await writer.NewSpeakerAsync("Located Speaker");
        var source = await writer.NewSourceAsync();
        var quote = await writer.NewQuoteAsync(speaker.Id, source, "We will build it.");
        var (claim, other) = (await writer.NewClaimAsync("Located claim"), await writer.NewClaimAsync("Located other claim"));
        var entity = await (await writer.PostJsonAsync("/v1/entities", new { name = "Located Entity" })).ReadAsync<JsonElement>(HttpStatusCode.Created);

        var created = new (string Url, object Body, string Key)[]
        {
            ("/v1/speakers", new { name = "Another Located Speaker" }, "id"),
            ($"/v1/claims/{claim.Slug}/counter-claims", new { claimId = other.Id }, "id"),
            ($"/v1/claims/{claim.Slug}/supports", new { claimId = other.Id }, "id"),
            ($"/v1/claims/{claim.Slug}/stances", new { speakerId = speaker.Id, position = "asserts", quoteId = quote.Id }, "id"),
            ($"/v1/claims/{claim.Slug}/reviews", new { url = "https://misbar.com/located", ratingText = "false" }, "id"),
            ($"/v1/entities/{entity.GetProperty("slug").GetString()}/mentions", new { quoteId = quote.Id }, "quoteId"),
            ($"/v1/entities/{entity.GetProperty("slug").GetString()}/mentions", new { claimId = claim.Id }, "claimId"),
        };
        foreach (var (url, body, key) in created)
        {
            var response = await writer.PostJsonAsync(url, body);
            var made = await response.ReadAsync<JsonElement>(HttpStatusCode.Created);
            var location = response.Headers.Location!.ToString();

            var fetched = await (await api.Reader().GetAsync(location)).ReadAsync<JsonElement>();

            Assert.Equal(made.GetProperty(key).GetString(), fetched.GetProperty(key).GetString());
        }
    }

    [Fact]
    public async Task ALinkOrStanceThatIsGoneIsNotFoundAtItsLocation()
    {
        var writer = api.Writer();
        var (claim, other) = (await writer.NewClaimAsync("Unlinked claim"), await writer.NewClaimAsync("Unlinked other claim"));
        var link = await writer.PostJsonAsync($"/v1/claims/{claim.Id}/counter-claims", new { claimId = other.Id });
        var stance = await writer.NewStanceAsync(claim, await writer.NewSpeakerAsync(), "disputes");

        await writer.DeleteAsync($"/v1/claims/{claim.Id}/counter-claims/{other.Id}");
        await writer.DeleteAsync($"/v1/claims/{claim.Id}/stances/{stance.Id}");

        Assert.Equal(HttpStatusCode.NotFound, (await api.Reader().GetAsync(link.Headers.Location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Reader().GetAsync($"/v1/claims/{claim.Id}/stances/{stance.Id}")).StatusCode);
        // A counter-claim is seen from both claims; a support only from the claim that supports.
        var support = await writer.PostJsonAsync($"/v1/claims/{claim.Id}/supports", new { claimId = other.Id });
        Assert.Equal(HttpStatusCode.OK, (await api.Reader().GetAsync(support.Headers.Location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Reader().GetAsync($"/v1/claims/{other.Id}/supports/{claim.Id}")).StatusCode);
    }
}
