namespace Claims.Bench.Generation;

/// <summary>Every count follows the number of quotes, in the proportions of the full-size benchmark.</summary>
sealed record KnowledgeBaseSize(int Quotes)
{
    public const int FullQuotes = 1_000_000;

    public int Speakers => Scale(100_000);
    public int Sources => Scale(200_000);
    public int Claims => Scale(300_000);
    public int ClaimLinks => Scale(500_000);
    public int Stances => Scale(600_000);
    public int Entities => Scale(10_000);

    int Scale(long fullCount) => (int)Math.Max(1, fullCount * Quotes / FullQuotes);

    public override string ToString() =>
        $"{Quotes:N0} quotes, {Speakers:N0} speakers, {Sources:N0} sources, {Claims:N0} claims, " +
        $"{ClaimLinks:N0} claim links, {Stances:N0} stances, {Entities:N0} entities";
}
