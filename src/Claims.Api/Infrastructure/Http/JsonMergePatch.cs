using System.Text.Json.Nodes;

namespace Claims.Api.Infrastructure.Http;

/// <summary>RFC 7396: members of the patch replace the target's, null removes one, objects merge recursively.</summary>
public static class JsonMergePatch
{
    public const string MediaType = "application/merge-patch+json";

    /// <summary>Documents the body of a PATCH endpoint; the body is read by <see cref="ConditionalWrites"/>.</summary>
    public static RouteHandlerBuilder AcceptsMergePatch<TRequest>(this RouteHandlerBuilder builder) where TRequest : notnull => builder
        .Accepts<TRequest>(MediaType)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject) return patch?.DeepClone();

        var result = target as JsonObject ?? new JsonObject();
        foreach (var (name, value) in patchObject)
        {
            if (value is null) result.Remove(name);
            else result[name] = Apply(result[name]?.DeepClone(), value);
        }
        return result;
    }
}
