namespace Claims.Api.Seeding;

/// <summary>The shape of seeds/knowledge-base.json. Records refer to one another by slug (speakers, claims) or URL (sources).</summary>
public sealed record SeedKnowledgeBase(
    IReadOnlyList<SeedSource> Sources,
    IReadOnlyList<SeedSpeaker> Speakers,
    IReadOnlyList<SeedEntity> Entities,
    IReadOnlyList<SeedClaim> Claims,
    IReadOnlyList<SeedQuote> Quotes,
    IReadOnlyList<SeedStance> Stances,
    IReadOnlyList<SeedClaimLink> ClaimLinks);

/// <summary>A source; its body is the seed document <c>File</c>, verbatim.</summary>
public sealed record SeedSource(Guid Id, string File, string Url, string? Title, string? Publisher, DateOnly? PublishedOn, string? Language);

public sealed record SeedSpeaker(Guid Id, string Slug, string Name, string Kind, string? Title, string[] Aliases);

public sealed record SeedEntity(Guid Id, string Slug, string Name, string[] Aliases);

public sealed record SeedClaim(Guid Id, string Slug, string Text, string[] Entities);

public sealed record SeedSpan(int Start, int End);

public sealed record SeedQuote(
    Guid Id, string Speaker, string Source, string Kind, string Text, DateOnly? SaidOn, string? Place, SeedSpan? Span);

public sealed record SeedStance(string Claim, string Speaker, string Position, Guid? Quote);

public sealed record SeedClaimLink(string From, string To, string Kind);
