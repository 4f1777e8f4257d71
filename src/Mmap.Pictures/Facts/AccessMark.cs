namespace Mmap.Pictures.Facts;

/// <summary>
/// An access drawn on a page: the step that made it (0 for one page of a lab check), what it was,
/// its symbolic address and its outcome.
/// </summary>
public sealed record AccessMark(int Step, string What, string Address, string Outcome)
{
    public Tone Tone => Tones.Of(Outcome, What.StartsWith("read", StringComparison.Ordinal));

    /// <summary>The cell text: <c>#4 SIGBUS</c>, <c>#7 ffffffdd</c>, <c>check matched</c>.</summary>
    public string CellLabel => (Step == 0 ? What : "#" + Step) + " " + Tones.Short(Outcome);

    /// <summary>The text when no drawn page holds the address: <c>#9 read char VA+0x3000 = SIGSEGV:MAPERR</c>.</summary>
    public string FullLabel => (Step == 0 ? "" : "#" + Step + " ") + What + " " + Address + " = " + Outcome;
}
