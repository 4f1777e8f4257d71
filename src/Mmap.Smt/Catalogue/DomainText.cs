using System.Globalization;
using static Mmap.Smt.Encoding.KernelConstants;

namespace Mmap.Smt.Catalogue;

/// <summary>Spells decoded values the way scenario files and the kernel do: PROT_READ|PROT_WRITE, MAP_PRIVATE, O_RDONLY, VM_* names.</summary>
public static class DomainText
{
    public static string Prot(ulong prot)
    {
        var names = new List<string>();
        if ((prot & ProtRead) != 0) names.Add("PROT_READ");
        if ((prot & ProtWrite) != 0) names.Add("PROT_WRITE");
        if ((prot & ProtExec) != 0) names.Add("PROT_EXEC");
        var rest = prot & ~(ulong)(ProtRead | ProtWrite | ProtExec);
        if (rest != 0) names.Add(Hex(rest));
        return names.Count == 0 ? "PROT_NONE" : string.Join('|', names);
    }

    public static string MapFlags(ulong flags)
    {
        var type = (flags & MapTypeMask) switch
        {
            MapShared => "MAP_SHARED",
            MapPrivate => "MAP_PRIVATE",
            MapSharedValidate => "MAP_SHARED_VALIDATE",
            var other => Hex(other),
        };
        var rest = flags & ~(ulong)MapTypeMask;
        return rest == 0 ? type : $"{type}|{Hex(rest)}";
    }

    public static string OpenMode(ulong mode) => (mode & 3) switch
    {
        0 => "O_RDONLY",
        1 => "O_WRONLY",
        2 => "O_RDWR",
        _ => "O_ACCMODE(3)",
    } + ((mode & ~3UL) == 0 ? "" : "|" + Hex(mode & ~3UL));

    public static string VmFlags(ulong flags)
    {
        (ulong Bit, string Name)[] names =
        [
            (VmRead, "VM_READ"), (VmWrite, "VM_WRITE"), (VmExec, "VM_EXEC"), (VmShared, "VM_SHARED"),
            (VmMayRead, "VM_MAYREAD"), (VmMayWrite, "VM_MAYWRITE"), (VmMayExec, "VM_MAYEXEC"), (VmMayShare, "VM_MAYSHARE"),
            (VmGrowsDown, "VM_GROWSDOWN"), (VmPfnMap, "VM_PFNMAP"), (VmLocked, "VM_LOCKED"), (VmIo, "VM_IO"),
            (VmDontExpand, "VM_DONTEXPAND"), (VmAccount, "VM_ACCOUNT"), (VmNoReserve, "VM_NORESERVE"), (VmSync, "VM_SYNC"),
            (VmPat, "VM_PAT"), (VmDontDump, "VM_DONTDUMP"),
        ];
        var known = names.Where(n => (flags & n.Bit) != 0).Select(n => n.Name).ToList();
        var rest = flags & ~names.Aggregate(0UL, (all, n) => all | n.Bit);
        if (rest != 0) known.Add(Hex(rest));
        return $"{Hex(flags)} ({(known.Count == 0 ? "none" : string.Join('|', known))})";
    }

    public static string Hex(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);
}
