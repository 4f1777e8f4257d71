using System.Text;
using Mmap.Oracle.Cases;

namespace Mmap.Oracle.Codegen;

/// <summary>
/// A batch's driver strategies as the module takes them at run time: a flat table of ints the user program writes to
/// /proc/mmapv-cases before the first case — ncases, nbufs, then each pooled buffer (<see cref="BufferFields"/>), then
/// each case (<see cref="CaseFields"/>). The field positions are declared here once; the protocol header gives them to
/// the module as TABLE_* macros, and the program carries the table as data (<see cref="ProgramSource"/>). Because no
/// case is compiled into the module, it is built once per kernel (<see cref="Build.ModuleCache"/>).
/// </summary>
public static class DriverTable
{
    /// <summary>Most cases one boot can hold: the device minors the module registers.</summary>
    public const int MaxCases = 4096;

    /// <summary>The length of a case's fill pattern in the table (the module's <c>int fill[16]</c>).</summary>
    public const int FillInts = 16;

    /// <summary>A pooled buffer's ints, in order.</summary>
    public static IReadOnlyList<string> BufferFields { get; } = ["kind", "pages"];

    /// <summary>A case's ints, in order, each with its value (the pooled buffer's index is given); then <c>fill</c>, <see cref="FillInts"/> ints.</summary>
    public static IReadOnlyList<(string Name, Func<EncodedDriver, int, int> Value)> CaseFields { get; } =
    [
        ("buf", (_, buffer) => buffer), ("method", (d, _) => d.Method), ("prot", (d, _) => d.Prot),
        ("check_errors", (d, _) => d.CheckErrors), ("pgoff", (d, _) => d.Pgoff), ("clear_maywrite", (d, _) => d.ClearMayWrite),
        ("fops", (d, _) => d.Fops), ("limit_pages", (d, _) => d.LimitPages), ("limit_err", (d, _) => d.LimitErrno),
        ("fill_len", (d, _) => d.Fill.Count),
    ];

    public static int CaseInts => CaseFields.Count + FillInts;

    /// <summary>The table of a batch, as the program writes it.</summary>
    public static IReadOnlyList<int> Encode(IReadOnlyList<EncodedCase> cases)
    {
        if (cases.Count is 0 or > MaxCases) throw new ArgumentException($"a batch holds 1..{MaxCases} cases", nameof(cases));
        var pool = new BufferPool(cases);
        var table = new List<int> { cases.Count, pool.Buffers.Count };
        foreach (var (kind, pages) in pool.Buffers) table.AddRange([kind, pages]);
        for (var i = 0; i < cases.Count; i++)
        {
            var d = cases[i].Driver;
            foreach (var (_, value) in CaseFields) table.Add(value(d, pool.BufferOfCase[i]));
            for (var j = 0; j < FillInts; j++) table.Add(j < d.Fill.Count ? d.Fill[j] : 0);
        }

        return table;
    }

    /// <summary>The TABLE_* macros of the protocol header: sizes and field positions.</summary>
    public static void Define(StringBuilder h)
    {
        h.Append("\n/* The driver table the program writes to /proc/mmapv-cases (Mmap.Oracle.Codegen.DriverTable) */\n");
        h.Append("#define MMAPV_MAX_CASES ").Append(CLiteral.Int(MaxCases)).Append('\n');
        h.Append("#define TABLE_BUF_INTS ").Append(CLiteral.Int(BufferFields.Count)).Append('\n');
        for (var i = 0; i < BufferFields.Count; i++)
            h.Append("#define TABLE_BUF_").Append(BufferFields[i].ToUpperInvariant()).Append(' ').Append(CLiteral.Int(i)).Append('\n');
        h.Append("#define TABLE_CASE_INTS ").Append(CLiteral.Int(CaseInts)).Append('\n');
        for (var i = 0; i < CaseFields.Count; i++)
            h.Append("#define TABLE_CASE_").Append(CaseFields[i].Name.ToUpperInvariant()).Append(' ').Append(CLiteral.Int(i)).Append('\n');
        h.Append("#define TABLE_CASE_FILL ").Append(CLiteral.Int(CaseFields.Count)).Append('\n');
    }
}
