using System.Globalization;

namespace Mmap.Oracle.Codegen;

/// <summary>The only way values enter generated C: integers, formatted invariantly.</summary>
internal static class CLiteral
{
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Long(long value) => value.ToString(CultureInfo.InvariantCulture) + "L";

    public static string Unsigned(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture) + "UL";

    public static string IntList(IEnumerable<int> values, int padTo)
    {
        var list = values.ToList();
        while (list.Count < padTo) list.Add(0);
        return "{ " + string.Join(", ", list.Select(Int)) + " }";
    }
}
