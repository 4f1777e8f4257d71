using Mmap.Model.Kernel;

namespace Mmap.Pictures.Facts;

/// <summary>vm_flags as the kernel names them: <c>VM_READ|VM_MAYREAD|VM_MAYWRITE|VM_MAYEXEC</c>.</summary>
public static class FlagNames
{
    public static string Of(VmFlags flags) =>
        flags == VmFlags.None
            ? "0"
            : string.Join('|', Enum.GetValues<VmFlags>()
                .Where(f => f != VmFlags.None && (flags & f) == f)
                .Select(f => "VM_" + f.ToString().ToUpperInvariant()));
}
