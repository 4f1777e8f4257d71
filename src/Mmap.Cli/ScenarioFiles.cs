using Mmap.Scenarios;
using Mmap.Scenarios.Syntax;

namespace Mmap.Cli;

/// <summary>Loads scenario files (files, folders or globs already expanded by the shell) with positioned errors.</summary>
public static class ScenarioFiles
{
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path)) files.AddRange(Directory.GetFiles(path, "*.scenario", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            else files.Add(path);
        }

        return files;
    }

    /// <summary>Parses every file; prints each error to stderr. Returns null when any file is bad.</summary>
    public static IReadOnlyList<(string Path, Scenario Scenario)>? Load(IEnumerable<string> paths, TextWriter errors)
    {
        var loaded = new List<(string, Scenario)>();
        var bad = false;
        foreach (var path in Expand(paths))
        {
            if (!File.Exists(path))
            {
                errors.WriteLine($"{path}: no such file");
                bad = true;
                continue;
            }

            var result = ScenarioParser.Parse(File.ReadAllText(path), path);
            foreach (var error in result.Errors) errors.WriteLine(error);
            if (result.Succeeded) loaded.Add((path, result.Scenario!));
            else bad = true;
        }

        return bad ? null : loaded;
    }
}
