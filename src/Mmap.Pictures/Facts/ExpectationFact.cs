namespace Mmap.Pictures.Facts;

/// <summary>One line of the scenario's expect: section, whether it held, and how many trace lines matched it.</summary>
public sealed record ExpectationFact(string Text, bool Passed, int MatchingLines);
