using System.Reflection;

namespace Mmap.Oracle.Codegen;

/// <summary>
/// The fixed C files of src/Mmap.Oracle/c, embedded in the assembly, and how a batch's source is put together:
/// the file's <c>#include "mmapv_*.h"</c> lines are replaced by the generated headers, so the kernel build and
/// gcc get one self-contained .c file.
/// </summary>
public static class CSources
{
    public const string ModuleFile = "mmapv_module.c";
    public const string ProgramFile = "mmapv_run.c";

    /// <summary>The text of one fixed C file.</summary>
    public static string Read(string fileName)
    {
        var assembly = typeof(CSources).Assembly;
        using var stream = assembly.GetManifestResourceStream("mmapv.c." + fileName)
            ?? throw new InvalidOperationException($"C source {fileName} is not embedded in {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }

    /// <summary>
    /// <paramref name="source"/> with each <c>#include "NAME"</c> line of <paramref name="headers"/> replaced by the
    /// header's text. Every header must be included exactly once.
    /// </summary>
    public static string Inline(string source, IReadOnlyDictionary<string, string> headers)
    {
        foreach (var (name, text) in headers)
        {
            var line = $"#include \"{name}\"\n";
            var at = source.IndexOf(line, StringComparison.Ordinal);
            if (at < 0 || source.IndexOf(line, at + line.Length, StringComparison.Ordinal) >= 0)
                throw new InvalidOperationException($"the C source must include {name} exactly once");
            source = string.Concat(source.AsSpan(0, at), text, source.AsSpan(at + line.Length));
        }

        return source;
    }
}
