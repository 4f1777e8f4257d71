using Mmap.Oracle.Cases;

namespace Mmap.Oracle.Codegen;

/// <summary>
/// Cases run one after another, so cases whose drivers allocate the same kind and number of pages share
/// one buffer; the program asks the module to re-zero and re-fill it at the start of each case
/// (what loading a fresh driver would do). Keeps a 2000-case batch within the VM's memory.
/// </summary>
public sealed class BufferPool
{
    public BufferPool(IReadOnlyList<EncodedCase> cases)
    {
        var keys = new List<(int Kind, int Pages)>();
        var assignment = new int[cases.Count];
        for (var i = 0; i < cases.Count; i++)
        {
            var key = (cases[i].Driver.BufferKind, cases[i].Driver.Pages);
            var index = keys.IndexOf(key);
            if (index < 0)
            {
                keys.Add(key);
                index = keys.Count - 1;
            }
            assignment[i] = index;
        }
        Buffers = keys;
        BufferOfCase = assignment;
    }

    public IReadOnlyList<(int Kind, int Pages)> Buffers { get; }

    public IReadOnlyList<int> BufferOfCase { get; }
}
