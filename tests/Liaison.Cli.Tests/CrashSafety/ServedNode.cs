using System.Diagnostics;
using System.Text;

namespace Liaison.Cli.Tests.CrashSafety;

/// <summary>
/// One node's folder and its <c>liaison serve</c> process, which the drill kills with SIGKILL and
/// starts again on the same folder and port.
/// </summary>
public sealed class ServedNode(LiaisonBinary liaison, string nodeId, string directory, int port) : IAsyncDisposable
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly StringBuilder _log = new();
    private Process? _process;

    public string NodeId { get; } = nodeId;
    public string Directory { get; } = directory;
    public Uri Endpoint { get; } = new($"http://127.0.0.1:{port}/");
    public string DatabasePath => Path.Combine(Directory, "liaison.db");

    /// <summary>How many times the process was killed.</summary>
    public int Kills { get; private set; }

    /// <summary>Whether the server answers (set after start, cleared at a kill).</summary>
    public bool IsUp { get; private set; }

    /// <summary>Starts <c>liaison serve</c> and waits until <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync(TimeSpan timeout)
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException($"{NodeId} is already running (pid {_process.Id})");
        }
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            _process?.Dispose();
            _process = Process.Start(liaison.StartInfo("serve", "--dir", Directory)) ?? throw new InvalidOperationException("dotnet did not start");
            _process.OutputDataReceived += (_, e) => Append(e.Data);
            _process.ErrorDataReceived += (_, e) => Append(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            while (!_process.HasExited && DateTime.UtcNow < until)
            {
                if (await ReadyAsync())
                {
                    IsUp = true;
                    return;
                }
                await Task.Delay(50);
            }
            if (DateTime.UtcNow >= until)
            {
                throw new TimeoutException($"{NodeId} not ready after {timeout}: {LiaisonBinary.Tail(_log)}");
            }
            // Exited at start: the port may still be held by the socket of the process just killed; try again.
            await Task.Delay(250);
        }
    }

    /// <summary>
    /// SIGKILL (Process.Kill on Linux): no shutdown hook, no flush, no graceful stop of the delivery
    /// worker or of open transactions. <c>dotnet liaison.dll</c> runs the server in the host process
    /// itself (no child), so this pid is the server.
    /// </summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited)
        {
            throw new InvalidOperationException($"{NodeId} is not running");
        }
        IsUp = false;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        Kills++;
        Append($"--- killed (SIGKILL) #{Kills}, exit {_process.ExitCode}");
    }

    /// <summary>Ready, and it is this node answering (not another server that took the port while ours was down).</summary>
    private async Task<bool> ReadyAsync()
    {
        try
        {
            using var response = await Probe.GetAsync(new Uri(Endpoint, "health/ready"));
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }
            using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return body.RootElement.TryGetProperty("node", out var node) && node.GetString() == NodeId;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (Exception e) when (e is TaskCanceledException or System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    /// <summary>What the process printed (across restarts), for a failure message.</summary>
    public string LogTail => LiaisonBinary.Tail(_log);

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        IsUp = false;
    }
}
