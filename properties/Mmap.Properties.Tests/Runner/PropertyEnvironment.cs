using System.Globalization;
using System.Text;
using FsCheck;

namespace Mmap.Properties.Tests.Runner;

/// <summary>
/// Where a property's case count and seed come from. Defaults: <see cref="DefaultMaxTest"/> cases (or the
/// attribute's MaxTest) from a fixed seed derived from the property's file and method name, the same on every
/// machine. The environment overrides both: MMAP_PROPERTY_MAXTEST=N, MMAP_PROPERTY_SEED=random (a fresh seed,
/// printed with the result) or MMAP_PROPERTY_SEED=seed,gamma (replay a printed seed).
/// </summary>
public static class PropertyEnvironment
{
    public const int DefaultMaxTest = 200;
    public const string MaxTestVariable = "MMAP_PROPERTY_MAXTEST";
    public const string SeedVariable = "MMAP_PROPERTY_SEED";

    private static readonly AsyncLocal<IReadOnlyDictionary<string, string>?> Override = new();

    /// <summary>One random number per test process: MMAP_PROPERTY_SEED=random gives each property a fresh but, within the process, stable seed.</summary>
    private static readonly ulong ProcessRandom = (ulong)Random.Shared.NextInt64() ^ ((ulong)Random.Shared.NextInt64() << 1);

    /// <summary>Runs <paramref name="action"/> with these variables standing in for the process environment (tests of the runner itself).</summary>
    public static T With<T>(IReadOnlyDictionary<string, string> variables, Func<T> action)
    {
        var saved = Override.Value;
        Override.Value = variables;
        try
        {
            return action();
        }
        finally
        {
            Override.Value = saved;
        }
    }

    public static string? Get(string name) =>
        Override.Value is { } variables ? variables.GetValueOrDefault(name) : Environment.GetEnvironmentVariable(name);

    /// <summary>MMAP_PROPERTY_MAXTEST when it is a positive number, else the declared count.</summary>
    public static int MaxTest(int declared) =>
        int.TryParse(Get(MaxTestVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : declared;

    /// <summary>The starting seed as "seed,gamma": MMAP_PROPERTY_SEED, else the declared Replay, else one derived from <paramref name="key"/>.</summary>
    public static string Seed(string? declared, string key)
    {
        var environment = Get(SeedVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment.Trim() : null;
        var text = environment ?? declared;
        try
        {
            return text switch
            {
                null or "" => SeedText.Format(FromSeed(StableHash(key))),
                "random" => SeedText.Format(FromSeed(ProcessRandom ^ StableHash(key))),
                _ => SeedText.Format(SeedText.Parse(text)),
            };
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new FormatException((environment is null ? $"{key}: Replay" : SeedVariable) + ": " + e.Message, e);
        }
    }

    /// <summary>Whether the seed is a fresh random one (its result line then names it, so a failure can be replayed).</summary>
    public static bool SeedIsRandom => Get(SeedVariable)?.Trim() == "random";

    /// <summary>A SplitMix64 state: the seed and an odd gamma mixed from it.</summary>
    private static Rnd FromSeed(ulong seed)
    {
        var z = seed + 0x9e3779b97f4a7c15UL;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
        return new Rnd(seed, (z ^ (z >> 31)) | 1UL);
    }

    /// <summary>FNV-1a over the text: the same default seed on every machine.</summary>
    private static ulong StableHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text)) hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }
}
