using FsCheck.Xunit;

// Every [Property] gets the domain's arbitraries; a property's own Arbitrary list comes first and wins.
[assembly: Properties(Arbitrary = [typeof(Mmap.Exploration.Generators.MmapArbitraries)])]
