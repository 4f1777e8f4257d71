using System.Text.RegularExpressions;
using Mmap.Testing;
using Xunit;

namespace Mmap.Model.Tests.Rules;

/// <summary>
/// Code comments cite a kernel function or a rule of docs/kernel-rules.md: every rule id a comment under src/ names
/// (R2, R2.1, R3.4, …) must be a heading of that document, and no comment points at a file outside the repository.
/// </summary>
public partial class RuleCitationTests
{
    private static string Root => RepositoryRoot.Path;

    /// <summary>Rule ids the document defines: "## R2 …" sections and "### R2.1 …" rules.</summary>
    private static HashSet<string> DocumentedIds() =>
        File.ReadLines(Path.Combine(Root, "docs", "kernel-rules.md"))
            .Select(l => HeadingPattern().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>The comment text of every line of the C# and C sources under src/, with file and line.</summary>
    private static IEnumerable<(string File, int Line, string Comment)> Comments()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".c", StringComparison.Ordinal) || f.EndsWith(".h", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var inBlock = false;
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                var text = line;
                var comment = "";
                if (inBlock)
                {
                    var end = text.IndexOf("*/", StringComparison.Ordinal);
                    comment = end < 0 ? text : text[..end];
                    inBlock = end < 0;
                    text = end < 0 ? "" : text[(end + 2)..];
                }
                var slash = text.IndexOf("//", StringComparison.Ordinal);
                var open = text.IndexOf("/*", StringComparison.Ordinal);
                if (slash >= 0 && (open < 0 || slash < open)) comment += " " + text[(slash + 2)..];
                else if (open >= 0)
                {
                    var end = text.IndexOf("*/", open + 2, StringComparison.Ordinal);
                    comment += " " + (end < 0 ? text[(open + 2)..] : text[(open + 2)..end]);
                    inBlock = end < 0;
                }
                if (comment.Length > 0) yield return (Path.GetRelativePath(Root, file), number, comment);
            }
        }
    }

    [Fact]
    public void Every_rule_id_a_comment_cites_is_in_the_rules_document()
    {
        var documented = DocumentedIds();
        Assert.Contains("R3.4", documented);
        var missing = Comments()
            .SelectMany(c => CitationPattern().Matches(c.Comment).Select(m => $"{c.File}:{c.Line}: {m.Value}"))
            .Where(s => !documented.Contains(s[(s.LastIndexOf(' ') + 1)..]))
            .ToList();
        Assert.True(missing.Count == 0, "comments cite rule ids docs/kernel-rules.md lacks:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_citation_check_finds_ids_in_comments()
    {
        // The scan reads the comments it should: the model's remap_pfn_range cites R3.1.
        Assert.Contains(Comments(), c => c.File.EndsWith("RemapPfnRange.cs", StringComparison.Ordinal) && CitationPattern().IsMatch(c.Comment));
        Assert.True(Comments().Count(c => CitationPattern().IsMatch(c.Comment)) > 30, "the scan found too few citations to be reading the comments");
        Assert.Equal(["R2.2", "R3"], CitationPattern().Matches("see R2.2 and R3; not PROT_READ, AR1 or R2D2").Select(m => m.Value));
    }

    [Fact]
    public void No_comment_points_at_the_outside_reference_file()
    {
        var outside = Comments().Where(c => c.Comment.Contains("shared/reference", StringComparison.Ordinal)
                                            || c.Comment.Contains("linux-mmap-semantics", StringComparison.Ordinal))
            .Select(c => $"{c.File}:{c.Line}").ToList();
        Assert.True(outside.Count == 0, "comments cite a file outside the repository (cite docs/kernel-rules.md):\n" + string.Join("\n", outside));
    }

    [GeneratedRegex(@"^#{2,3} (R\d+(?:\.\d+)*) ")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"(?<![\w.])R\d+(?:\.\d+)*(?![\w])")]
    private static partial Regex CitationPattern();
}
