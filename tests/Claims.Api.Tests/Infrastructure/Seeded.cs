namespace Claims.Api.Tests.Infrastructure;

/// <summary>Names from the seed knowledge base that tests look up.</summary>
public static class Seeded
{
    public const string Stoltenberg = "jens-stoltenberg";
    public const string Nato = "nato";
    public const string UnitedStates = "united-states";
    public const string RussianDefenceMinistry = "russian-ministry-of-defence";
    public const string ViolationClaim = "9m729-violates-inf-treaty";
    public const string ComplianceClaim = "9m729-complies-with-inf-treaty";
    public const string TassUrl = "https://tass.com/defense/1119321";
    public const string SputnikUrl = "https://www.urdupoint.com/en/world/nato-seeks-to-avoid-arms-race-amid-concerns-a-836831.html";
}
