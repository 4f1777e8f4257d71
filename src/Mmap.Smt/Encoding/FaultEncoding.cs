using Mmap.Model.Rules;
using Mmap.Smt.Lifting;
using Mmap.Smt.Terms;

namespace Mmap.Smt.Encoding;

/// <summary>
/// The outcome of a user read inside a device VMA: the model's <see cref="FaultRules.DeviceRead{TW,TB}"/> on SMT
/// terms. No R/W/X in vm_flags → SIGSEGV (ACCERR); a present PTE → the value is read; no PTE and no ->fault → SIGBUS.
/// </summary>
public static class FaultEncoding
{
    public const byte ReadsValue = (byte)FaultStep.Completes, Sigbus = (byte)FaultStep.SigBus, Sigsegv = (byte)FaultStep.SigSegvAccErr,
        Handler = (byte)FaultStep.Resolves;

    /// <param name="protFault">The PTE is present but the MMU refuses a read through it (X86_PF_PROT).</param>
    public static BitVec<W8> Read(BitVec<W64> flags, BoolTerm ptePresent, BoolTerm hasFaultHandler, BoolTerm? protFault = null) =>
        FaultRules.DeviceRead<SymWord, SymBit>(flags, ptePresent, protFault ?? BoolTerm.False, hasFaultHandler).Low8;
}
