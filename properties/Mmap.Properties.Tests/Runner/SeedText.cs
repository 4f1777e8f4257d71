using System.Globalization;
using FsCheck;

namespace Mmap.Properties.Tests.Runner;

/// <summary>FsCheck's replay seed as text: "seed,gamma", both decimal, as FsCheck prints them.</summary>
public static class SeedText
{
    public static string Format(Rnd rnd) => $"{rnd.Seed},{rnd.Gamma}";

    public static Rnd Parse(string text)
    {
        var parts = text.Trim().Trim('(', ')').Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
            && ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var gamma))
        {
            return new Rnd(seed, gamma);
        }

        throw new FormatException($"'{text}' is not a replay seed: expected 'seed,gamma' or 'random'");
    }
}
