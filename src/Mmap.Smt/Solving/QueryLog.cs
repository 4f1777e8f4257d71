using Mmap.Smt.Queries;

namespace Mmap.Smt.Solving;

/// <summary>Writes queries as standalone <c>.smt2</c> files (LF, UTF-8) that z3 or cvc5 can run by hand.</summary>
public sealed class QueryLog(string folder)
{
    public string Folder { get; } = folder;

    public string PathOf(SmtQuery query) => Path.Combine(Folder, query.Name + ".smt2");

    public string Write(SmtQuery query)
    {
        Directory.CreateDirectory(Folder);
        var path = PathOf(query);
        File.WriteAllText(path, query.ToScript());
        return path;
    }
}
