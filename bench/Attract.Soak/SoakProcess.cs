using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Attract.Soak;

/// <summary>
/// A server the harness runs as a separate process (<c>dotnet some.dll args</c>), its output appended to a log file.
/// <see cref="KillHard"/> is <c>kill -9</c> (on Unix <see cref="Process.Kill()"/> sends SIGKILL); <see cref="StartAsync"/>
/// starts it again with the same arguments.
/// </summary>
public sealed class SoakProcess(string name, string dll, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment,
    string baseUrl, string healthPath, string logFile) : IDisposable
{
    private Process? _process;

    public string Name { get; } = name;

    public string BaseUrl { get; } = baseUrl;

    /// <summary>Every process id this server has had (the first start and each restart).</summary>
    public List<int> ProcessIds { get; } = [];

    public bool IsRunning => _process is { HasExited: false };

    public async Task StartAsync(TimeSpan timeout, CancellationToken ct = default)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{Name}: dotnet did not start.");
        _process = process;
        ProcessIds.Add(process.Id);
        var log = new StreamWriter(new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var gate = new object();
        void Write(string? line)
        {
            if (line is not null)
            {
                lock (gate)
                {
                    log.WriteLine(line);
                }
            }
        }
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.Exited += (_, _) => { lock (gate) { log.Dispose(); } };
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitHealthyAsync(timeout, ct);
    }

    private async Task WaitHealthyAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} while starting; see {logFile}.");
            }
            try
            {
                using var response = await http.GetAsync(BaseUrl + healthPath, ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Name} did not answer {healthPath} within {timeout.TotalSeconds:0} s; see {logFile}.");
            }
            await Task.Delay(250, ct);
        }
    }

    /// <summary>SIGKILL: no shutdown, no lease released, no buffered counter flushed.</summary>
    public void KillHard()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: false);
            process.WaitForExit();
        }
    }

    /// <summary>A free loopback port (bound and released; good enough on a machine of our own).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        KillHard();
        _process?.Dispose();
    }
}
