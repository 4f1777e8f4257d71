using System.Globalization;
using Mmap.Model.Kernel;
using Mmap.Model.Rules;
using Mmap.Smt.Models;

namespace Mmap.Smt.Catalogue;

/// <summary>Decodes counterexample models into domain words: the mmap request, page count, flags by name.</summary>
public static class CounterexampleText
{
    public static string Mmap(CounterModel model)
    {
        var parts = new List<string>
        {
            $"open {DomainText.OpenMode(model.Bits(MmapInputs.OpenModeSymbol))}",
            $"mmap prot={DomainText.Prot(model.Bits(MmapInputs.ProtSymbol))} flags={DomainText.MapFlags(model.Bits(MmapInputs.MapFlagsSymbol))}",
        };
        if (model.Values.ContainsKey("pages"))
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"pages={model.Bits("pages")}"));
        }
        if (model.Values.ContainsKey("vm_flags"))
        {
            parts.Add("vm_flags=" + DomainText.VmFlags(model.Bits("vm_flags")));
        }
        if (model.Values.ContainsKey("cow"))
        {
            parts.Add("cow=" + (model.Flag("cow") ? "yes" : "no"));
        }
        return string.Join(", ", parts);
    }

    /// <summary>
    /// One remap_pfn_range call of a counterexample, and what the model's rule for <paramref name="series"/> does with
    /// it (run on plain integers): the VMA, the arguments, the environment, the return and the VMA afterwards.
    /// </summary>
    /// <param name="memtypeConflict">The PAT answer when the query fixed it rather than leaving it to the solver.</param>
    public static string Remap(CounterModel model, KernelVersion series, bool? memtypeConflict = null)
    {
        ulong start = model.Bits("vm_start"), end = model.Bits("vm_end"), flags = model.Bits("vm_flags"), pgoff = model.Bits("vm_pgoff");
        ulong addr = model.Bits("addr"), pfn = model.Bits("pfn"), size = model.Bits("size");
        var conflict = memtypeConflict ?? Optional(model, Premises.MemtypeSymbol);
        var pte = Optional(model, Premises.PteSymbol);
        var r = RemapRules.CallOn<Word, Bit>(series, Word.Of(start), Word.Of(end), Word.Of(flags), Word.Of(pgoff), Word.Of(addr),
            Word.Of(pfn), Word.Of(size), Bit.Of(conflict), Bit.Of(pte));
        var code = r.Code.Value switch
        {
            0 => "0",
            RemapRules.KernelBug => "a kernel BUG",
            var e => "-" + (Errno)e,
        };
        return
            $"on {series.ToDisplay()}, remap_pfn_range(vma [{DomainText.Hex(start)}, {DomainText.Hex(end)}) vm_flags={DomainText.VmFlags(flags)} " +
            $"vm_pgoff={DomainText.Hex(pgoff)}, addr={DomainText.Hex(addr)}, pfn={DomainText.Hex(pfn)}, size={DomainText.Hex(size)})" +
            (conflict ? " with a PAT memtype conflict" : "") + (pte ? " over a present PTE" : "") +
            $" returns {code} and leaves vm_flags={DomainText.VmFlags(r.VmFlags.Value)} vm_pgoff={DomainText.Hex(r.PgOff.Value)}";
    }

    private static bool Optional(CounterModel model, string symbol) => model.Values.ContainsKey(symbol) && model.Flag(symbol);
}
