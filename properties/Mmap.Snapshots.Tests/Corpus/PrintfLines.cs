using Mmap.Model.Faults;
using Mmap.Scenarios;
using Mmap.Scenarios.Running;
using ValueType = Mmap.Model.Faults.ValueType;

namespace Mmap.Snapshots.Tests.Corpus;

/// <summary>
/// Each read step as the C program of the question would print it: <c>printf("[%x]\n", *(char *)VA)</c>
/// prints <c>[ffffffdd]</c> (char is signed, promoted with sign extension), <c>*(unsigned *)VA</c> prints
/// <c>[aabbccdd]</c>; a signal is what the shell reports instead.
/// </summary>
public static class PrintfLines
{
    public static IReadOnlyList<string> For(RunResult result) =>
        result.Steps.Select((s, i) => (s, i)).Where(x => x.s.Step is ReadStep)
            .Select(x => Line(x.i + 1, (ReadStep)x.s.Step, x.s.Actual)).ToList();

    private static string Line(int number, ReadStep read, string actual)
    {
        var call = $"printf(\"[%x]\\n\", *({CType(read.Type)} *)({read.Address}))";
        var printed = actual switch
        {
            StepResult.NotRun => "(not run)",
            _ when actual.StartsWith("SIGBUS", StringComparison.Ordinal) => "Bus error (" + actual + ")",
            _ when actual.StartsWith("SIGSEGV", StringComparison.Ordinal) => "Segmentation fault (" + actual + ")",
            "BUG" => "Killed (kernel BUG)",
            _ => "[" + actual + "]",
        };
        return $"#{number} {call.PadRight(44)} -> {printed}";
    }

    private static string CType(ValueType type) => type switch
    {
        ValueType.Char => "char",
        ValueType.UChar => "unsigned char",
        ValueType.U8 => "uint8_t",
        _ => "unsigned",
    };
}
