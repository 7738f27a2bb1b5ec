using Microsoft.Playwright;

namespace NewsApi.Browser.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright's bundled node driver. Playwright's own browser download
/// is never used (it cannot be fetched here), so a missing /usr/bin/chromium fails the test loudly.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    IPlaywright? _playwright;
    IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's Chromium at {ExecutablePath}: install it with `apt-get install -y chromium` (as root).");
        }

        _playwright = await Playwright.CreateAsync();
        // Playwright gives each launch a fresh temp profile (--user-data-dir) and removes it on close.
        // The switches below keep Chromium from calling home, which the sandboxed CI cannot reach anyway.
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
