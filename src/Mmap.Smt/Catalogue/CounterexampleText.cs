using System.Globalization;
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
}
