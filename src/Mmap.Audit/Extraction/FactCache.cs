using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Mmap.Audit.Extraction;

/// <summary>
/// Facts of a cached series, kept beside its tree (CACHE/sources/SERIES/facts-HASH.jsonl) so --diff and repeated runs
/// do not re-run spatch. HASH covers the .cocci file and the candidate file list; a change to either re-extracts.
/// </summary>
public static class FactCache
{
    public static string PathOf(string series) => Path.Combine(KernelSources.SeriesDirectory(series), "facts-" + Hash() + ".jsonl");

    private static string Hash() => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(SpatchRunner.CocciFile)))[..16].ToLowerInvariant();

    public static FactExtraction? Load(string series, IReadOnlyList<string> files)
    {
        var path = PathOf(series);
        if (!File.Exists(path)) return null;
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || JsonSerializer.Deserialize<Header>(lines[0]) is not { } header || !header.Files.SequenceEqual(files)) return null;
        var facts = lines.Skip(1).Select(Fact.Parse).OfType<Fact>().ToList();
        return new FactExtraction(facts, files, header.Failed, TimeSpan.FromSeconds(header.Seconds)) { HelperFiles = header.HelperFiles ?? [] };
    }

    public static void Store(string series, FactExtraction extraction)
    {
        var path = PathOf(series);
        var sb = new StringBuilder();
        sb.Append(JsonSerializer.Serialize(new Header(extraction.Files.ToList(), extraction.Failed.ToList(), extraction.Elapsed.TotalSeconds, extraction.HelperFiles.ToList()))).Append('\n');
        foreach (var fact in extraction.Facts) sb.Append(JsonSerializer.Serialize(fact)).Append('\n');
        File.WriteAllText(path + ".tmp", sb.ToString());
        File.Move(path + ".tmp", path, overwrite: true);
    }

    private sealed record Header(List<string> Files, List<string> Failed, double Seconds, List<string>? HelperFiles);
}
