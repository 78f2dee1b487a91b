using System.Diagnostics;
using System.Globalization;

namespace LinkedIn.Simulator.Memory;

// The simulator's memory benchmark (docs/benchmarks.md, "Simulator memory"):
//   dotnet build bench/LinkedIn.Simulator.Memory -c Release
//   dotnet bench/LinkedIn.Simulator.Memory/bin/Release/net10.0/LinkedIn.Simulator.Memory.dll [--records 500000] [--work DIR] [--simulator path/to/LinkedIn.Simulator.dll]
// Starts the standalone simulator as a process on a fresh SQLite file, lifts its rate limits, provisions a child app, pushes
// the records through the real sync API (batch upserts of 100: half candidates, 40 % applications, 10 % application stages),
// reads every one back (batch GETs and the soak listing), and prints the simulator's RSS after the load, after the reads, and
// its peak (VmRSS and VmHWM of /proc/<pid>/status).
public static class MemoryProgram
{
    public static async Task<int> Main(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var records = Value("--records") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 500_000;
        var work = Value("--work") ?? Path.Combine(Path.GetTempPath(), "sim-memory-" + Guid.NewGuid().ToString("N")[..8]);
        var dll = Value("--simulator") ?? FindSimulator();
        Directory.CreateDirectory(work);
        Console.WriteLine($"simulator memory: {records:N0} records, simulator {dll}, work {work}");

        using var simulator = await SimulatorProcess.StartAsync(dll, work);
        Console.WriteLine($"started: pid {simulator.Pid}, {simulator.Memory()}");
        var load = await SyncLoad.ConnectAsync(simulator.BaseUrl);

        var cpuBefore = simulator.CpuTime();
        var clock = Stopwatch.StartNew();
        await load.PushAsync(records, (done, total) => Console.WriteLine($"  pushed {done:N0} of {total:N0} ({clock.Elapsed.TotalSeconds:F0} s, RSS {simulator.Memory().RssMb} MB)"));
        var loadSeconds = clock.Elapsed.TotalSeconds;
        var afterLoad = simulator.Memory();
        var cpuMsPerThousand = (simulator.CpuTime() - cpuBefore).TotalMilliseconds * 1000 / records;
        Console.WriteLine($"loaded {records:N0} records in {loadSeconds:F0} s ({records / loadSeconds:N0} records/s, simulator CPU {cpuMsPerThousand:F0} ms per 1,000 records): {afterLoad}");

        clock.Restart();
        var read = await load.ReadBackAsync();
        var readSeconds = clock.Elapsed.TotalSeconds;
        var afterReads = simulator.Memory();
        Console.WriteLine($"read back {read} in {readSeconds:F0} s: {afterReads}");

        Console.WriteLine();
        Console.WriteLine("| records | load s | records/s | CPU ms per 1,000 records | RSS after load MB | RSS after reads MB | peak RSS MB | store MB |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        var store = Directory.EnumerateFiles(work, "*.db*").Sum(f => new FileInfo(f).Length) / (1024 * 1024);
        Console.WriteLine($"| {records:N0} | {loadSeconds:F0} | {records / loadSeconds:N0} | {cpuMsPerThousand:F0} | {afterLoad.RssMb} | {afterReads.RssMb} | {afterReads.PeakMb} | {store:N0} |");
        if (Value("--work") is null)
        {
            simulator.Dispose();
            Directory.Delete(work, true);
        }
        return read.Complete ? 0 : 1;
    }

    /// <summary>The simulator built next to this benchmark (…/bin/&lt;Configuration&gt;/net10.0/).</summary>
    private static string FindSimulator()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Attract.sln")))
        {
            root = root.Parent;
        }
        var configuration = here.Parent?.Name ?? "Release";
        var dll = root is null ? "" : Path.Combine(root.FullName, "src", "LinkedIn.Simulator", "bin", configuration, "net10.0", "LinkedIn.Simulator.dll");
        return File.Exists(dll) ? dll
            : throw new FileNotFoundException($"No simulator build at '{dll}': dotnet build bench/LinkedIn.Simulator.Memory -c {configuration}, or pass --simulator.");
    }
}
