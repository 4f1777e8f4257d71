using FsCheck;
using FsCheck.Fluent;
using Mmap.Scenarios.Syntax;

namespace Mmap.Exploration.Generators;

/// <summary>
/// Parser inputs: arbitrary strings over the scenario alphabet, and written scenarios mutated by deleting,
/// duplicating, swapping or corrupting lines and characters. Shrinks by dropping lines, then characters.
/// </summary>
public static class ScenarioTexts
{
    private const string Alphabet = "abcdefgmnoprstvwxyz0123456789 :=>#|+-_.,\n\tVAPROT_READMAPSHAREDx\r\"'{}()[]\\\u00e9\u0000";

    private static Gen<string> RandomText =>
        from chars in Gen.Elements(Alphabet.ToCharArray()).ArrayOf()
        select new string(chars);

    private static Gen<string> Mutated =>
        from sequence in Sequences.AnyGen
        from mutations in Gen.Choose(1, 4)
        from edits in Gen.Zip(Gen.Choose(0, 4), Gen.Zip(Gen.Choose(0, 10_000), Gen.Elements(Alphabet.ToCharArray()))).ListOf(mutations)
        select edits.Aggregate(ScenarioWriter.Write(sequence.ToScenario()), (text, e) => Mutate(text, e.Item1, e.Item2.Item1, e.Item2.Item2));

    private static string Mutate(string text, int kind, int position, char c)
    {
        var lines = text.Split('\n').ToList();
        var line = position % Math.Max(1, lines.Count);
        var at = text.Length == 0 ? 0 : position % text.Length;
        switch (kind)
        {
            case 0: lines.RemoveAt(line); return string.Join('\n', lines);
            case 1: lines.Insert(line, lines[line]); return string.Join('\n', lines);
            case 2: return text.Length == 0 ? text : text.Remove(at, 1);
            case 3: return text.Insert(at, c.ToString());
            default:
                var other = (line + 1) % lines.Count;
                (lines[line], lines[other]) = (lines[other], lines[line]);
                return string.Join('\n', lines);
        }
    }

    public static IEnumerable<ScenarioText> Shrink(ScenarioText t)
    {
        var lines = t.Text.Split('\n');
        if (lines.Length > 1)
            foreach (var fewer in Shrinking.RemoveOne(lines)) yield return new ScenarioText(string.Join('\n', fewer));
        if (lines.Length <= 1)
            for (var i = t.Text.Length - 1; i >= 0; i--) yield return new ScenarioText(t.Text.Remove(i, 1));
    }

    public static Arbitrary<ScenarioText> Arbitrary() =>
        Arb.From(Gen.Frequency((1, RandomText), (3, Mutated)).Select(s => new ScenarioText(s)), Shrink);
}
