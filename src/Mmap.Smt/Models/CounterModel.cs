using System.Globalization;

namespace Mmap.Smt.Models;

/// <summary>The values a solver gave to a refuted query's symbols: a counterexample, before domain decoding.</summary>
public sealed record CounterModel(IReadOnlyDictionary<string, SmtValue> Values)
{
    public static CounterModel Empty { get; } = new(new Dictionary<string, SmtValue>());

    public ulong Bits(string symbol) => Values.TryGetValue(symbol, out var v) && v is SmtValue.BitVecValue bv
        ? bv.Value
        : throw new KeyNotFoundException($"no bit-vector value for '{symbol}' in the model");

    public bool Flag(string symbol) => Values.TryGetValue(symbol, out var v) && v is SmtValue.BoolValue b
        ? b.Value
        : throw new KeyNotFoundException($"no Boolean value for '{symbol}' in the model");

    public override string ToString() =>
        string.Join(", ", Values.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key}={kv.Value}")));
}
