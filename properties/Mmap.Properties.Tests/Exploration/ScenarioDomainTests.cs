using Xunit;
using Mmap.Exploration.Generators;
using Mmap.Model.Kernel;
using Mmap.Scenarios;
using Mmap.Scenarios.Running;
using Mmap.Scenarios.Syntax;

namespace Mmap.Properties.Tests.Exploration;

/// <summary>The fuzzing generator: reproducible from a seed, covering the whole language, every scenario valid text and runnable on the model.</summary>
public class ScenarioDomainTests
{
    private static readonly IReadOnlyList<KernelVersion> All = [KernelVersion.Linux6_1, KernelVersion.Linux6_12, KernelVersion.Linux7_3];

    [Fact]
    public void Same_seed_gives_the_same_scenarios_byte_for_byte_and_another_seed_others()
    {
        var a = ScenarioDomain.Sample(42, 200, All).Select(ScenarioWriter.Write).ToList();
        var b = ScenarioDomain.Sample(42, 200, All).Select(ScenarioWriter.Write).ToList();
        var c = ScenarioDomain.Sample(43, 200, All).Select(ScenarioWriter.Write).ToList();
        Assert.Equal(200, a.Count);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void The_sample_covers_every_step_kind_prot_and_flag()
    {
        var scenarios = ScenarioDomain.Sample(1, 2000, All);
        var steps = scenarios.SelectMany(s => s.Steps).ToList();
        var kinds = steps.Select(s => s.GetType()).Distinct().ToList();
        foreach (var kind in new[] { typeof(OpenStep), typeof(CloseStep), typeof(MmapStep), typeof(ReadStep), typeof(WriteStep), typeof(MprotectStep),
                     typeof(MunmapStep), typeof(CheckStep), typeof(FdWriteStep), typeof(FdReadStep), typeof(CheckBufferStep), typeof(MapsStep), typeof(ProcTotalStep) })
            Assert.Contains(kind, kinds);
        var maps = steps.OfType<MmapStep>().ToList();
        foreach (var prot in ScenarioDomain.AllProts) Assert.Contains(maps, m => m.Prot == prot);
        foreach (var flag in new[] { MapFlags.Fixed, MapFlags.Anonymous, MapFlags.Populate, MapFlags.Locked, MapFlags.FixedNoReplace, MapFlags.Sync })
            Assert.Contains(maps, m => (m.Flags & flag) != 0);
        Assert.Contains(maps, m => (m.Flags & MapFlags.TypeMask) == MapFlags.SharedValidate);
        Assert.Contains(maps, m => (m.Flags & MapFlags.Fixed) != 0 && m.Address is not null);
        Assert.Contains(maps, m => (m.Flags & MapFlags.Fixed) != 0 && m.Address is null);
        Assert.Contains(maps, m => m.Name == "VC");
        Assert.True(scenarios.Select(s => s.Driver.Method).Distinct().Count() == Enum.GetValues<Mmap.Model.Driver.MappingMethod>().Length);
    }

    [Fact]
    public void Every_generated_scenario_writes_parses_back_equal_and_runs_on_the_model_of_every_series()
    {
        foreach (var scenario in ScenarioDomain.Sample(5, 300, All))
        {
            var text = ScenarioWriter.Write(scenario);
            var parsed = ScenarioParser.Parse(text, scenario.Name);
            Assert.True(parsed.Succeeded, text + "\n" + string.Join("\n", parsed.Errors));
            Assert.Equal(scenario, parsed.Scenario);
            foreach (var run in scenario.Runs()) ScenarioRunner.Run(run);
        }
    }
}
