namespace Mmap.Pictures.Facts;

/// <summary>
/// Everything a picture shows, already symbolic and formatted: the layout only places it. <paramref name="Why"/>
/// says what failed (one line per failing step or expectation; empty when the run passed).
/// </summary>
public sealed record PictureFacts(
    string Title,
    string Driver,
    bool Passed,
    IReadOnlyList<string> Why,
    IReadOnlyList<StepFact> Steps,
    IReadOnlyList<ExpectationFact> Expectations,
    TimelineFact Timeline,
    IReadOnlyList<MappingFact> Mappings,
    BufferFact Buffer,
    IReadOnlyList<AccessMark> StrayAccesses);
