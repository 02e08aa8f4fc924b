using System.Text.Json;

namespace Claims.Api.Infrastructure.Database;

public static class DbText
{
    /// <summary>An enum as the lower-case word the database and the JSON both use.</summary>
    public static string ToDb<T>(this T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
