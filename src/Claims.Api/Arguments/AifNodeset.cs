namespace Claims.Api.Arguments;

/// <summary>An argument map in AIF JSON, shaped as AIFdb serves a nodeset.</summary>
public sealed record AifNodeset(IReadOnlyList<AifNode> Nodes, IReadOnlyList<AifEdge> Edges, IReadOnlyList<AifLocutionEntry> Locutions);

/// <summary>A node: <c>type</c> I, L, RA, CA, YA…; <c>text</c> a proposition, a locution or a scheme's name; <c>timestamp</c> when it was made.</summary>
public sealed record AifNode(string NodeID, string Text, string Type, string Timestamp);

public sealed record AifEdge(string EdgeID, string FromID, string ToID, string? FormEdgeID);

/// <summary>When a locution (an L node) was said, by whom (<c>personID</c>) and where it was published (<c>source</c>).</summary>
public sealed record AifLocutionEntry(string NodeID, string PersonID, string Timestamp, string? Start, string? End, string? Source);
