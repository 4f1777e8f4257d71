using System.Text;
using DiffPlex;

namespace Mmap.Snapshots.Tests.Workflow;

/// <summary>
/// A unified diff (<c>--- verified</c>, <c>+++ received</c>, <c>@@ -a,b +c,d @@</c> hunks with three lines
/// of context) computed with DiffPlex, with each line's number in the verified and the received text.
/// </summary>
public static class UnifiedDiff
{
    public const int Context = 3;

    public static string Create(string verified, string received, string verifiedLabel, string receivedLabel)
    {
        var diff = new Differ().CreateCustomDiffs(verified, received, false, SplitLines);
        var oldLines = diff.PiecesOld;
        var newLines = diff.PiecesNew;
        var text = new StringBuilder();
        text.Append("--- ").Append(verifiedLabel).Append('\n');
        text.Append("+++ ").Append(receivedLabel).Append('\n');
        if (diff.DiffBlocks.Count == 0) return text.ToString();

        // Hunks: each block with its context, merged when their contexts touch.
        var hunks = new List<(int OldStart, int OldEnd, int NewStart, int NewEnd, List<DiffPlex.Model.DiffBlock> Blocks)>();
        foreach (var block in diff.DiffBlocks)
        {
            var oldStart = Math.Max(0, block.DeleteStartA - Context);
            var newStart = Math.Max(0, block.InsertStartB - Context);
            var oldEnd = Math.Min(oldLines.Length, block.DeleteStartA + block.DeleteCountA + Context);
            var newEnd = Math.Min(newLines.Length, block.InsertStartB + block.InsertCountB + Context);
            if (hunks.Count > 0 && oldStart <= hunks[^1].OldEnd)
            {
                var last = hunks[^1];
                last.Blocks.Add(block);
                hunks[^1] = (last.OldStart, oldEnd, last.NewStart, newEnd, last.Blocks);
            }
            else
            {
                hunks.Add((oldStart, oldEnd, newStart, newEnd, [block]));
            }
        }

        foreach (var (oldStart, oldEnd, newStart, newEnd, blocks) in hunks)
        {
            text.Append($"@@ -{oldStart + 1},{oldEnd - oldStart} +{newStart + 1},{newEnd - newStart} @@\n");
            var a = oldStart;
            var b = newStart;
            foreach (var block in blocks)
            {
                while (a < block.DeleteStartA) ContextLine(text, ref a, ref b, oldLines);
                for (var i = 0; i < block.DeleteCountA; i++, a++) Line(text, '-', a + 1, null, oldLines[a]);
                for (var i = 0; i < block.InsertCountB; i++, b++) Line(text, '+', null, b + 1, newLines[b]);
            }

            while (a < oldEnd && b < newEnd) ContextLine(text, ref a, ref b, oldLines);
        }

        return text.ToString();
    }

    /// <summary>Lines split at LF; a final LF does not start another line.</summary>
    public static string[] SplitLines(string text)
    {
        if (text.Length == 0) return [];
        var lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    private static void ContextLine(StringBuilder text, ref int a, ref int b, string[] oldLines)
    {
        Line(text, ' ', a + 1, b + 1, oldLines[a]);
        a++;
        b++;
    }

    private static StringBuilder Line(StringBuilder text, char kind, int? oldNumber, int? newNumber, string line) =>
        text.Append(kind)
            .Append(' ').Append((oldNumber?.ToString() ?? "").PadLeft(5))
            .Append(' ').Append((newNumber?.ToString() ?? "").PadLeft(5))
            .Append(" | ").Append(line).Append('\n');
}
