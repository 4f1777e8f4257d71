using Mmap.Model;
using Mmap.Model.Kernel;
using Mmap.Model.Mm;
using Mmap.Model.Proc;

namespace Mmap.Exploration.Checks;

/// <summary>
/// Invariants of a machine's address space that hold after any sequence of syscalls: VMAs sorted, disjoint and
/// page-aligned; every PTE inside a VMA; /proc/self/maps consistent with the VMA list.
/// Nothing is allocated unless an invariant fails: the exhaustive check runs this at millions of points.
/// </summary>
public static class StateInvariants
{
    public static IReadOnlyList<Violation> Check(Machine machine)
    {
        var violations = new List<Violation>();
        Check(machine, violations);
        return violations;
    }

    /// <summary>Adds the violated invariants to <paramref name="violations"/>.</summary>
    public static void Check(Machine machine, List<Violation> violations)
    {
        var vmas = machine.Mm.Vmas;
        for (var i = 0; i < vmas.Count; i++)
        {
            var v = vmas[i];
            if (v.Start >= v.End) violations.Add(new("vma-nonempty", $"VMA {v} is empty"));
            if (!PageGeometry.IsAligned(v.Start) || !PageGeometry.IsAligned(v.End)) violations.Add(new("vma-aligned", $"VMA {v} is not page-aligned"));
            if (i > 0 && vmas[i - 1].End > v.Start) violations.Add(new("vmas-sorted-disjoint", $"VMA {vmas[i - 1]} overlaps or follows {v}"));
        }

        // Every PTE lies in a VMA iff the VMAs (checked disjoint above) hold as many PTEs as the whole table.
        if (PtesInVmas(machine) != machine.Mm.Ptes.Count)
        {
            foreach (var address in machine.Mm.Ptes.Keys)
            {
                if (machine.Mm.Find(address) is null) violations.Add(new("pte-inside-vma", $"PTE at 0x{address:x} outside every VMA"));
            }
        }

        for (var i = 0; i < vmas.Count; i++)
        {
            var v = vmas[i];
            if (!MapsLineMatches(v, machine.Node)) violations.Add(new("maps-consistent", $"maps line '{ProcMaps.Line(v, machine.Node)}' does not start with '{ExpectedPrefix(v)}'"));
        }
    }

    private static int PtesInVmas(Machine machine)
    {
        var count = 0;
        var vmas = machine.Mm.Vmas;
        for (var i = 0; i < vmas.Count; i++) count += machine.Mm.Ptes.CountIn(vmas[i].Start, vmas[i].End);
        return count;
    }

    /// <summary>R8.1: one maps line per VMA, "&lt;start&gt;-&lt;end&gt; &lt;r|-&gt;&lt;w|-&gt;&lt;x|-&gt;&lt;s|p&gt; &lt;offset&gt; ", offset = vm_pgoff &lt;&lt; 12 for a file VMA.</summary>
    private static bool MapsLineMatches(Vma v, DeviceNode node)
    {
        var size = ProcMaps.MaxLength(node);
        Span<char> line = size <= 1024 ? stackalloc char[size] : new char[size];
        Span<char> expected = stackalloc char[64];
        var length = ProcMaps.Format(v, node, line);
        return line[..length].StartsWith(expected[..WriteExpectedPrefix(v, expected)], StringComparison.Ordinal);
    }

    private static string ExpectedPrefix(Vma v)
    {
        Span<char> expected = stackalloc char[64];
        return new string(expected[..WriteExpectedPrefix(v, expected)]);
    }

    private static int WriteExpectedPrefix(Vma v, Span<char> expected)
    {
        var flags = (ulong)v.Flags;
        var offset = v.HasFile ? v.PgOff << 12 : 0;
        var n = Hex.Write(v.Start, 8, expected);
        expected[n++] = '-';
        n += Hex.Write(v.End, 8, expected[n..]);
        expected[n++] = ' ';
        expected[n++] = (flags & 1) != 0 ? 'r' : '-';
        expected[n++] = (flags & 2) != 0 ? 'w' : '-';
        expected[n++] = (flags & 4) != 0 ? 'x' : '-';
        expected[n++] = (flags & 0x80) != 0 ? 's' : 'p';
        expected[n++] = ' ';
        n += Hex.Write(offset, 8, expected[n..]);
        expected[n++] = ' ';
        return n;
    }
}
