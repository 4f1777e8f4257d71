using System.Text;
using Mmap.Exploration.Matrix;
using Mmap.Exploration.Scope;

namespace Mmap.Exploration.Rendering;

/// <summary>The matrix as text: one character per cell, a legend, one line per row.</summary>
public static class MatrixText
{
    public const string Legend = "legend: . works   B SIGBUS   S SIGSEGV   ! kernel BUG   mmap errno: A EACCES  I EINVAL  O EIO  N ENODEV  M ENOMEM  E other";

    public static string Render(OutcomeMatrix m)
    {
        var text = new StringBuilder();
        var width = m.Rows.Max(r => r.Length);
        text.AppendLine($"driver {m.Driver.Name}: {m.Driver.Description}");
        text.AppendLine($"action: {m.Action.Name()}");
        text.AppendLine($"kernel: Linux {Model.Kernel.KernelVersionExtensions.ToDisplay(m.Kernel)}");
        text.AppendLine(Legend);
        text.AppendLine();
        Panel(text, width, $"pages 1..{m.PageCounts[^1]} (offset 0)", m.PageCounts, m.Rows, m.ByPages);
        text.AppendLine();
        Panel(text, width, $"offset 0..{m.Offsets[^1]} pages ({m.OffsetPanelPages} page{(m.OffsetPanelPages == 1 ? "" : "s")})", m.Offsets, m.Rows, m.ByOffset);
        return text.ToString();
    }

    private static void Panel(StringBuilder text, int width, string title, IReadOnlyList<int> columns, IReadOnlyList<string> rows, IReadOnlyList<Evaluation.PointOutcome[]> cells)
    {
        text.AppendLine(title);
        text.Append(new string(' ', width + 1));
        foreach (var c in columns) text.Append(c % 10 == 0 ? (char)('0' + c / 10 % 10) : c % 5 == 0 ? '+' : ' ');
        text.AppendLine();
        text.Append(new string(' ', width + 1));
        foreach (var c in columns) text.Append((char)('0' + c % 10));
        text.AppendLine();
        for (var r = 0; r < rows.Count; r++)
        {
            text.Append(rows[r].PadRight(width)).Append(' ');
            foreach (var cell in cells[r]) text.Append(cell.Symbol);
            text.AppendLine();
        }
    }
}
