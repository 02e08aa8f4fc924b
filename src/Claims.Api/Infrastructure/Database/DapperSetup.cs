using System.Runtime.CompilerServices;

namespace Claims.Api.Infrastructure.Database;

static class DapperSetup
{
    /// <summary>Dapper's global maps, set once when the assembly loads, before any query (the tests query directly too).</summary>
    [ModuleInitializer]
    internal static void Configure()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
    }
}
