namespace Mmap.Oracle.Logs;

/// <summary>Everything the serial log says about one case, in the order it happened.</summary>
public sealed record CaseLog(int Index, IReadOnlyList<LogRecord> Records, CaseEnd? End)
{
    public IEnumerable<LogRecord> KernelMessages => Records.Where(r => r.Source == 'D');
}
