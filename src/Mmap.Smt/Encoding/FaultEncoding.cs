using Mmap.Smt.Terms;
using static Mmap.Smt.Encoding.KernelConstants;

namespace Mmap.Smt.Encoding;

/// <summary>
/// The outcome of a user read inside a device VMA (arch/x86/mm/fault.c access_error, mm/memory.c do_fault; R5.2, R5.3):
/// no R/W/X in vm_flags → SIGSEGV (ACCERR); a present PTE → the value is read; no PTE and no ->fault → SIGBUS.
/// </summary>
public static class FaultEncoding
{
    public const byte ReadsValue = 0, Sigbus = 1, Sigsegv = 2;

    public static BitVec<W8> Read(BitVec<W64> flags, BoolTerm ptePresent, BoolTerm hasFaultHandler) =>
        flags.HasNone(Bv.U64(VmAccessFlags)).Ite(Bv.U8(Sigsegv),
            (ptePresent | hasFaultHandler).Ite(Bv.U8(ReadsValue), Bv.U8(Sigbus)));
}
