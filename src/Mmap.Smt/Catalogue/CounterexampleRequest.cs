using Mmap.Smt.Models;
using static Mmap.Smt.Encoding.KernelConstants;

namespace Mmap.Smt.Catalogue;

/// <summary>The user's request decoded from a counterexample in the scenario domain.</summary>
public sealed record CounterexampleRequest(ulong Prot, ulong MapFlags, ulong OpenMode, ulong Pages)
{
    public static CounterexampleRequest From(CounterModel model) => new(
        model.Bits(MmapInputs.ProtSymbol),
        model.Bits(MmapInputs.MapFlagsSymbol),
        model.Bits(MmapInputs.OpenModeSymbol),
        model.Values.ContainsKey("pages") ? model.Bits("pages") : 1);

    /// <summary>A read of the first byte as a char: the fill's 0xdd sign-extended, or SIGSEGV:ACCERR without R/W/X (R5.2).</summary>
    public string ReadOutcome => (Prot & (ProtRead | ProtWrite | ProtExec)) != 0 ? "ffffffdd" : "SIGSEGV:ACCERR";
}
