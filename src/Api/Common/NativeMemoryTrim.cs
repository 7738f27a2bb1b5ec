using System.Runtime.InteropServices;

namespace NewsApi.Api.Common;

/// <summary>
/// Hands memory that SQLite has freed back to the OS every <c>NewsApi:NativeMemoryTrimSeconds</c>
/// (10; 0 turns it off). SQLite allocates with the C allocator on whichever thread-pool thread runs
/// the query; glibc gives threads arenas of their own and keeps what is freed in them: at 1,000,000
/// articles, after the load benchmark's warm-up, eight arenas held 58 MB, much of it free.
/// <c>malloc_trim</c> releases the free pages of every arena. glibc only: elsewhere it stops at once.
/// </summary>
sealed class NativeMemoryTrim(IConfiguration configuration) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("NewsApi:NativeMemoryTrimSeconds", 10);
        if (seconds <= 0 || !OperatingSystem.IsLinux())
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                _ = NativeMethods.MallocTrim(0);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return; // not glibc (musl has no malloc_trim)
            }
        }
    }

    static class NativeMethods
    {
        [DllImport("libc.so.6", EntryPoint = "malloc_trim")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int MallocTrim(nuint pad);
    }
}
