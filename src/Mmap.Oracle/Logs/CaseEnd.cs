namespace Mmap.Oracle.Logs;

/// <summary>How a case's child process ended: "exit", "signal", "timeout" or "error", with its value and duration.</summary>
public sealed record CaseEnd(string How, int Value, long Microseconds = 0)
{
    public bool Normal => How == "exit" && Value == 0;

    public override string ToString() => $"{How} {Value}";
}
