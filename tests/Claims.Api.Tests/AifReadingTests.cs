using System.Text;
using Claims.Api.Transfer.Formats;
using static Claims.Api.Tests.Infrastructure.AifImports;

namespace Claims.Api.Tests;

/// <summary>How the AIF format reads what other tools write, and what it cannot read, without a database.</summary>
public sealed class AifReadingTests
{
    [Fact]
    public async Task IdsWrittenAsNumbersAndAMissingLocutionsListAreRead()
    {
        var (records, notes) = await ReadAsync(Input("ova.json", Encoding.UTF8.GetBytes("""
            {"nodes": [{"nodeID": 1, "type": "I", "text": "taxes should rise"}, {"nodeID": 2, "type": "I", "text": "schools need money"},
                       {"nodeID": 3, "type": "RA", "text": "Default Inference"}],
             "edges": [{"edgeID": 1, "fromID": 2, "toID": 3}, {"edgeID": 2, "fromID": 3, "toID": 1}]}
            """)));

        Assert.Empty(notes.Problems);
        Assert.Equal(["claim", "claim", "claimLink"], records.Select(r => r.Type));
        var link = records[2].Data;
        Assert.Equal((StableIds.For("aif", "claim", "2").ToString(), StableIds.For("aif", "claim", "1").ToString(), "supports"),
            ((string)link["fromClaimId"]!, (string)link["toClaimId"]!, (string)link["kind"]!));
    }

    [Fact]
    public async Task ANodeThatCannotBeReadIsSkippedWithANoteAndTheRestIsRead()
    {
        // A lone surrogate escape, a NUL, and a node without a type.
        var (records, notes) = await ReadAsync(Input("damaged.json", Encoding.UTF8.GetBytes("""
            {"nodes": [{"nodeID": "7", "type": "I", "text": "broken \ud800 text"}, {"nodeID": "8", "type": "I", "text": "nul \u0000 inside"},
                       {"nodeID": "9", "text": "no type"}, {"nodeID": "10", "type": "I", "text": "fine"}],
             "edges": [], "locutions": []}
            """)));

        Assert.Equal(["fine"], records.Select(r => (string)r.Data["text"]!));
        Assert.Equal(
        [
            new ImportNote("damaged.json node 7", "The node's text is not valid Unicode."),
            new ImportNote("damaged.json node 8", "The node's text holds a NUL character."),
            new ImportNote("damaged.json nodes[2]", "A node needs a nodeID and a type."),
        ], notes.Skipped);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"nodes": {}, "edges": []}""")]
    [InlineData("""{"nodes": [], "edges": [], "locutions": 3}""")]
    public async Task JsonOfAnotherShapeIsAProblem(string json)
    {
        var (records, notes) = await ReadAsync(Input("other.json", Encoding.UTF8.GetBytes(json)));

        Assert.Empty(records);
        Assert.StartsWith("This is not an AIF nodeset", Assert.Single(notes.Problems).Message);
    }
}
