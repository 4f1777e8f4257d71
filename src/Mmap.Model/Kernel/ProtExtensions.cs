namespace Mmap.Model.Kernel;

public static class ProtExtensions
{
    /// <summary>
    /// <c>calc_vm_prot_bits</c>: PROT_READ/WRITE/EXEC → VM_READ/WRITE/EXEC; other bits ignored.
    /// Source: include/linux/mman.h calc_vm_prot_bits (6.1). R2.2.
    /// </summary>
    public static VmFlags ToVmFlags(this Prot prot)
    {
        var flags = VmFlags.None;
        if ((prot & Prot.Read) != 0) flags |= VmFlags.Read;
        if ((prot & Prot.Write) != 0) flags |= VmFlags.Write;
        if ((prot & Prot.Exec) != 0) flags |= VmFlags.Exec;
        return flags;
    }
}
