// A deeper run of every property that does not set its own MaxTest: 10,000 cases instead of FsCheck's
// 100. Build with it by passing -p:PropertyRuns=10000 to dotnet test (into its own output directory,
// so the everyday build is not replaced), for example:
//   dotnet test -c Release tests/PartnerMetrics.Tests -p:PropertyRuns=10000 -o artifacts/rules-10000 --filter "Rule"
#if PROPERTY_RUNS_10000
[assembly: FsCheck.Xunit.Properties(MaxTest = 10_000)]
#endif
