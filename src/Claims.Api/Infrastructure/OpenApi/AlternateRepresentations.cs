using Microsoft.OpenApi;

namespace Claims.Api.Infrastructure.OpenApi;

public static class AlternateRepresentations
{
    /// <summary>
    /// Documents another media type of the 200 answer beside JSON, for an endpoint that negotiates it: Produces would
    /// replace the JSON one, since OpenAPI metadata keeps one type per status code.
    /// </summary>
    public static RouteHandlerBuilder ProducesAlso<T>(this RouteHandlerBuilder builder, string mediaType) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, ct) =>
        {
            if (operation.Responses?.GetValueOrDefault("200")?.Content is not { } content) return;
            content[mediaType] = new OpenApiMediaType { Schema = await context.GetOrCreateSchemaAsync(typeof(T), null, ct) };
        });
}
