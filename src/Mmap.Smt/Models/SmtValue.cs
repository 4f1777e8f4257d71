using System.Globalization;

namespace Mmap.Smt.Models;

/// <summary>A concrete value in a solver model: a bit-vector (width ≤ 64) or a Boolean.</summary>
public abstract record SmtValue
{
    private SmtValue() { }

    public sealed record BitVecValue(int Width, ulong Value) : SmtValue
    {
        public override string ToString() => $"0x{Value.ToString("x", CultureInfo.InvariantCulture)}";
    }

    public sealed record BoolValue(bool Value) : SmtValue
    {
        public override string ToString() => Value ? "true" : "false";
    }
}
