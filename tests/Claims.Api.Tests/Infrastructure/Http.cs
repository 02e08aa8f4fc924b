using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Claims.Api.Infrastructure.Paging;

namespace Claims.Api.Tests.Infrastructure;

public static class Http
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, Json);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, Json);

    /// <summary>Every item of a list, following its cursors from <paramref name="firstPage"/> (a URL with a query).</summary>
    public static async Task<List<T>> WalkAsync<T>(this HttpClient client, string firstPage, Func<Task>? betweenPages = null)
    {
        var items = new List<T>();
        var url = firstPage;
        while (true)
        {
            var page = await (await client.GetAsync(url)).ReadAsync<Page<T>>();
            items.AddRange(page.Items);
            if (page.NextCursor is null) return items;
            if (betweenPages is not null) await betweenPages();
            url = $"{firstPage}&cursor={Uri.EscapeDataString(page.NextCursor)}";
        }
    }

    /// <summary>Sends a JSON Merge Patch (RFC 7396).</summary>
    public static Task<HttpResponseMessage> MergePatchAsync(this HttpClient client, string url, string json) =>
        client.PatchAsync(url, new StringContent(json, Encoding.UTF8, "application/merge-patch+json"));

    /// <summary>Posts text exactly as given, for bodies no serializer would write.</summary>
    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string body) =>
        client.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));

    /// <summary>Asserts a problem+json answer with this status, naming each of <paramref name="fields"/> in its errors.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, params string[] fields)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.DoesNotContain("   at ", body); // no stack trace
        foreach (var field in fields)
        {
            Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _),
                $"Expected an error on '{field}': {body}");
        }
        return problem;
    }
}
