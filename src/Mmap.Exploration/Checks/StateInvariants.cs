using Mmap.Model;
using Mmap.Model.Kernel;

namespace Mmap.Exploration.Checks;

/// <summary>
/// Invariants of a machine's address space that hold after any sequence of syscalls: VMAs sorted, disjoint and
/// page-aligned; every PTE inside a VMA; /proc/self/maps consistent with the VMA list.
/// </summary>
public static class StateInvariants
{
    public static IEnumerable<Violation> Check(Machine machine)
    {
        var vmas = machine.Mm.Vmas;
        for (var i = 0; i < vmas.Count; i++)
        {
            var v = vmas[i];
            if (v.Start >= v.End) yield return new("vma-nonempty", $"VMA {v} is empty");
            if (!PageGeometry.IsAligned(v.Start) || !PageGeometry.IsAligned(v.End)) yield return new("vma-aligned", $"VMA {v} is not page-aligned");
            if (i > 0 && vmas[i - 1].End > v.Start) yield return new("vmas-sorted-disjoint", $"VMA {vmas[i - 1]} overlaps or follows {v}");
        }

        foreach (var address in machine.Mm.Ptes.Keys)
        {
            if (machine.Mm.Find(address) is null) yield return new("pte-inside-vma", $"PTE at 0x{address:x} outside every VMA");
        }

        // R8.1: one maps line per VMA, "<start>-<end> <r|-><w|-><x|-><s|p> <offset>", offset = vm_pgoff << 12 for a file VMA.
        foreach (var v in vmas)
        {
            var line = Model.Proc.ProcMaps.Line(v, machine.Node);
            var flags = (ulong)v.Flags;
            var perms = string.Concat((flags & 1) != 0 ? 'r' : '-', (flags & 2) != 0 ? 'w' : '-', (flags & 4) != 0 ? 'x' : '-', (flags & 0x80) != 0 ? 's' : 'p');
            var offset = v.File is null ? 0 : v.PgOff << 12;
            var expected = $"{v.Start:x8}-{v.End:x8} {perms} {offset:x8} ";
            if (!line.StartsWith(expected, StringComparison.Ordinal))
                yield return new("maps-consistent", $"maps line '{line}' does not start with '{expected}'");
        }
    }
}
