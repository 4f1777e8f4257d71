namespace Mmap.Pictures.Facts;

/// <summary>
/// One mmap of the program: what the driver did inside it (<paramref name="DriverCalls"/>, grouped),
/// what mmap returned, and the VMAs with that name that are left at the end of the run.
/// </summary>
public sealed record MappingFact(string Name, string Request, IReadOnlyList<string> DriverCalls, string Result, IReadOnlyList<VmaFact> Vmas)
{
    public Tone Tone => Tones.Of(Result.StartsWith("= -", StringComparison.Ordinal) ? Result[2..] : "ok");
}
