using Microsoft.Net.Http.Headers;

namespace Claims.Api.Infrastructure.Http;

/// <summary>Choosing a representation by Accept. A client that asks for nothing this API has gets JSON, never a 406.</summary>
public static class ContentNegotiation
{
    /// <summary>Whether Accept ranks <paramref name="mediaType"/> above (or equal to) plain JSON and any wildcard that would also take JSON.</summary>
    public static bool Prefers(HttpRequest request, string mediaType)
    {
        var accept = request.GetTypedHeaders().Accept;
        double Quality(Func<MediaTypeHeaderValue, bool> matches) =>
            accept.Where(matches).Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();

        var wanted = Quality(a => a.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase));
        var json = Quality(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                                || a.MatchesAllTypes || a.MatchesAllSubTypes && a.Type.Equals("application", StringComparison.OrdinalIgnoreCase));
        return wanted > 0 && wanted >= json;
    }
}
