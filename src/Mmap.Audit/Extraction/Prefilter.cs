using System.Text.RegularExpressions;
using Mmap.Audit.Analysis;

namespace Mmap.Audit.Extraction;

/// <summary>
/// The grep prefilter: the C files that mention a mapping API, register an mmap member or define vm_operations, so
/// spatch parses a few hundred files instead of every driver (the rest cannot hold a fact the audit reads).
/// </summary>
public static partial class Prefilter
{
    /// <summary>Directories of a kernel tree that hold drivers; a tree without them (a fixture) is searched whole.</summary>
    public static IReadOnlyList<string> DriverRoots { get; } = ["drivers", "sound"];

    private static readonly Regex Mentions = new(
        @"\b(" + string.Join("|", MappingApi.Names.Select(n => n.EndsWith('_') ? Regex.Escape(n) + @"\w+" : Regex.Escape(n))) + @")\s*\(|\.\s*(fb_)?mmap\s*=|->\s*mmap\s*=|vm_operations_struct",
        RegexOptions.Compiled);

    /// <summary>
    /// For the helper pass: the .c files in each caller's directory with a line that starts a definition of one of the
    /// names (column 0, the name followed by '(', no ';' on the line), relative paths, sorted; and the names found.
    /// </summary>
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Names) HelperDefinitions(string root, IEnumerable<(string CallerFile, string Name)> calls)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var group in calls.GroupBy(c => Path.GetDirectoryName(c.CallerFile) ?? ""))
        {
            var dir = Path.Combine(root, group.Key);
            if (!Directory.Exists(dir)) continue;
            var wanted = group.Select(c => c.Name).Distinct().ToList();
            var definition = new Regex(@"^(?:[A-Za-z_][^;#\n]*[^\w;#\n])?(" + string.Join("|", wanted.Select(Regex.Escape)) + @")\s*\([^;\n]*$", RegexOptions.Multiline);
            foreach (var file in Directory.EnumerateFiles(dir, "*.c"))
            {
                var found = definition.Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).ToList();
                if (found.Count == 0) continue;
                files.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
                names.UnionWith(found);
            }
        }

        return (files.ToList(), names.ToList());
    }

    /// <summary>Relative paths (sorted) of the candidate files under <paramref name="root"/>.</summary>
    public static IReadOnlyList<string> Candidates(string root)
    {
        var roots = DriverRoots.Select(r => Path.Combine(root, r)).Where(Directory.Exists).ToList();
        if (roots.Count == 0) roots.Add(root);
        var files = roots.SelectMany(r => Directory.EnumerateFiles(r, "*.c", SearchOption.AllDirectories)).ToList();
        return files.AsParallel().Where(f => Mentions.IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).OrderBy(f => f, StringComparer.Ordinal).ToList();
    }
}
