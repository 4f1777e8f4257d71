namespace Mmap.Pictures.Facts;

/// <summary>Everything a picture shows, already symbolic and formatted: the layout only places it.</summary>
public sealed record PictureFacts(
    string Title,
    string Driver,
    bool Passed,
    IReadOnlyList<StepFact> Steps,
    IReadOnlyList<MappingFact> Mappings,
    BufferFact Buffer,
    IReadOnlyList<AccessMark> StrayAccesses);
