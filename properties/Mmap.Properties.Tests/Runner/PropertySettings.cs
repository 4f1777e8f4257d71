using System.Globalization;
using System.Text;
using FsCheck;

namespace Mmap.Properties.Tests.Runner;

/// <summary>
/// How one property runs: name, number of cases, starting seed, extra arbitraries, verbosity. The defaults are a
/// moderate count and a fixed seed derived from the property's name; the environment overrides them:
/// MMAP_PROPERTY_MAXTEST=N, MMAP_PROPERTY_SEED=random (a fresh seed, printed) or MMAP_PROPERTY_SEED=seed,gamma.
/// </summary>
public sealed record PropertySettings(string Name, int MaxTest, Rnd Seed, bool SeedIsFresh, IReadOnlyList<Type> Arbitraries, bool Verbose, bool QuietOnSuccess, int EndSize)
{
    public const int DefaultMaxTest = 200;
    public const string MaxTestVariable = "MMAP_PROPERTY_MAXTEST";
    public const string SeedVariable = "MMAP_PROPERTY_SEED";

    public static PropertySettings From(PropertyAttribute attribute, string name) =>
        Create(name, attribute.MaxTest, attribute.Replay, attribute.Arbitrary, attribute.Verbose, attribute.QuietOnSuccess, attribute.EndSize);

    public static PropertySettings Create(string name, int maxTest = DefaultMaxTest, string? replay = null, IReadOnlyList<Type>? arbitraries = null,
        bool verbose = false, bool quietOnSuccess = true, int endSize = 100, bool fromEnvironment = true)
    {
        var maxFromEnvironment = fromEnvironment ? Environment.GetEnvironmentVariable(MaxTestVariable) : null;
        if (int.TryParse(maxFromEnvironment, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0) maxTest = n;
        var seedText = fromEnvironment && Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } environmentSeed ? environmentSeed : replay;
        var fresh = seedText == "random";
        var seed = seedText switch
        {
            null => FromSeed(StableHash(name)),
            "random" => FromSeed((ulong)System.Random.Shared.NextInt64()),
            _ => SeedText.Parse(seedText),
        };
        return new PropertySettings(name, maxTest, seed, fresh, arbitraries ?? [], verbose, quietOnSuccess, endSize);
    }

    /// <summary>A SplitMix64 state: the seed and an odd gamma mixed from it.</summary>
    private static Rnd FromSeed(ulong seed)
    {
        var z = seed + 0x9e3779b97f4a7c15UL;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
        return new Rnd(seed, (z ^ (z >> 31)) | 1UL);
    }

    /// <summary>FNV-1a over the name: a fixed default seed per property, the same on every machine.</summary>
    private static ulong StableHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text)) hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }
}
