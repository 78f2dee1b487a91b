using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace LinkedIn.Simulator.Memory;

/// <summary>Resident and peak memory of a process, in MB (VmRSS and VmHWM).</summary>
public sealed record MemoryFigures(long RssMb, long PeakMb)
{
    public override string ToString() => $"RSS {RssMb} MB, peak {PeakMb} MB";
}

/// <summary>The standalone simulator (<c>dotnet LinkedIn.Simulator.dll</c>) on a free loopback port and its own SQLite file.</summary>
public sealed class SimulatorProcess : IDisposable
{
    private readonly Process _process;
    private bool _disposed;

    private SimulatorProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public int Pid => _process.Id;

    public static async Task<SimulatorProcess> StartAsync(string dll, string work)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var baseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.Environment["Simulator__Urls"] = baseUrl;
        start.Environment["Simulator__DatabasePath"] = Path.Combine(work, "linkedin-simulator.db");
        start.Environment["Simulator__ConsoleLogging"] = "false";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("simulator: " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var simulator = new SimulatorProcess(process, baseUrl);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                if ((await http.GetAsync(baseUrl + "/_sim/faults")).IsSuccessStatusCode)
                {
                    return simulator;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                simulator.Dispose();
                throw new InvalidOperationException("The simulator did not start.");
            }
            await Task.Delay(250);
        }
    }

    /// <summary>VmRSS and VmHWM from /proc/&lt;pid&gt;/status.</summary>
    public MemoryFigures Memory()
    {
        var fields = File.ReadAllLines($"/proc/{Pid}/status").Select(l => l.Split(':', 2)).Where(p => p[0] is "VmRSS" or "VmHWM")
            .ToDictionary(p => p[0], p => long.Parse(p[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture)); // "123456 kB"
        return new MemoryFigures(fields["VmRSS"] / 1024, fields["VmHWM"] / 1024);
    }

    /// <summary>
    /// CPU time the process has used (user + system, from /proc/&lt;pid&gt;/stat): unlike wall time, a fair measure of its work on
    /// a machine that other jobs share.
    /// </summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // after "pid (comm) ": state is field 3, utime 14, stime 15
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
