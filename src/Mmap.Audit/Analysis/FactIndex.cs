using Mmap.Audit.Extraction;

namespace Mmap.Audit.Analysis;

/// <summary>The facts of a tree, indexed by function: which function is defined where, what it calls and contains.</summary>
public sealed class FactIndex
{
    /// <summary>A function of the tree: its file and name, the key every fact of its body is filed under.</summary>
    public readonly record struct FunctionId(string File, string Name)
    {
        public override string ToString() => $"{File}:{Name}";
    }

    private readonly Dictionary<FunctionId, List<Fact>> _body = new();
    private readonly Dictionary<string, List<Fact>> _defsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<FunctionId, Fact> _defs = new();

    public FactIndex(IEnumerable<Fact> facts)
    {
        var all = facts.ToList();
        foreach (var fact in all)
        {
            switch (fact.Kind)
            {
                case "def" when fact.Function is { } name:
                    var id = new FunctionId(fact.File, name);
                    _defs.TryAdd(id, fact);
                    if (!_defsByName.TryGetValue(name, out var list)) _defsByName[name] = list = [];
                    list.Add(fact);
                    break;
                case "field" or "set":
                    Registrations.Add(fact);
                    break;
                default:
                    if (fact.Function is null) break;
                    var key = new FunctionId(fact.File, fact.Function);
                    if (!_body.TryGetValue(key, out var body)) _body[key] = body = [];
                    body.Add(fact);
                    break;
            }
        }

        Count = all.Count;
    }

    public int Count { get; }

    /// <summary>field and set facts: a function stored into an ops member.</summary>
    public List<Fact> Registrations { get; } = [];

    public IReadOnlyList<Fact> Body(FunctionId function) => _body.TryGetValue(function, out var body) ? body : [];

    public Fact? Definition(FunctionId function) => _defs.GetValueOrDefault(function);

    /// <summary>Every function with facts: those taking the VMA or the fault, and the helpers of the second pass.</summary>
    public IEnumerable<FunctionId> Functions => _defs.Keys;

    /// <summary>
    /// The definition a call of <paramref name="name"/> from <paramref name="fromFile"/> reaches: the same file's
    /// (static functions), else the only one in the tree; null when there is none or several.
    /// </summary>
    public FunctionId? Resolve(string name, string fromFile)
    {
        if (_defs.ContainsKey(new FunctionId(fromFile, name))) return new FunctionId(fromFile, name);
        if (_defsByName.TryGetValue(name, out var defs) && defs.Select(d => d.File).Distinct().Count() == 1) return new FunctionId(defs[0].File, name);
        return null;
    }

    /// <summary>How many functions of that name are defined (for the reason of an unresolved call).</summary>
    public int DefinitionCount(string name) => _defsByName.TryGetValue(name, out var defs) ? defs.Select(d => d.File).Distinct().Count() : 0;

    /// <summary>The vm_operations_struct initialiser named <paramref name="variable"/> seen from <paramref name="file"/>: its .fault function.</summary>
    public Fact? FaultOf(string variable, string file) =>
        Registrations.FirstOrDefault(r => r.Kind == "field" && r.Variable == variable && r.File == file && r.Member is "fault" or "huge_fault")
        ?? Registrations.Where(r => r.Kind == "field" && r.Variable == variable && r.Member is "fault" or "huge_fault").Take(2) switch
        {
            var one when one.Count() == 1 => one.First(),
            _ => null,
        };
}
