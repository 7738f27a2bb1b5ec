using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace NewsApi.Browser.Tests;

/// <summary>
/// What a person sees in Swagger UI: GET /api/articles tried out in headless Chromium against the
/// API on a real socket. Selectors use Swagger UI's stable hooks (data-path, data-param-name,
/// button names), not its generated ids.
/// </summary>
public sealed class SwaggerUiTests(KestrelApiFactory api, ChromiumFixture chromium, ITestOutputHelper output)
    : IClassFixture<KestrelApiFactory>, IClassFixture<ChromiumFixture>
{
    const string Topic = "AWS AI";
    const string MinQuality = "150";
    const int SwaggerDefaultPageSize = 20;

    // What Chromium refused under our Content-Security-Policy: the page must need nothing it forbids.
    readonly List<string> _refused = [];

    [Fact]
    public async Task TryingOutArticlesWithMinQualityAndTopicShowsTheFilteredPage()
    {
        using var http = new HttpClient { BaseAddress = api.BaseAddress };
        var expected = await http.GetFromJsonAsync<JsonElement>($"/api/articles?minQuality={MinQuality}&topic={Uri.EscapeDataString(Topic)}&pageSize=100");
        var expectedIds = expected.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.InRange(expectedIds.Count, 1, SwaggerDefaultPageSize);
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var operation = await TryOutListArticlesAsync(page);
        await CommitAsync(operation.Locator("tr[data-param-name='minQuality'] input"), MinQuality);
        await AddTopicAsync(operation, Topic);
        var (status, body) = await ExecuteAsync(page, operation, "swagger-articles-200");

        Assert.Equal("200", status);
        var shownIds = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Equal(expectedIds, shownIds);
        Assert.Equal(expectedIds.Count, body.GetProperty("totalCount").GetInt32());
        Assert.Empty(_refused);
    }

    [Fact]
    public async Task TryingOutArticlesWithAnOutOfRangeMinQualityShowsTheProblemNamingIt()
    {
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var operation = await TryOutListArticlesAsync(page);
        // Swagger UI itself refuses a non-integer such as "abc" (the field turns red, nothing is sent),
        // so the bad value that reaches the API is an integer past int32.
        await CommitAsync(operation.Locator("tr[data-param-name='minQuality'] input"), "99999999999");
        var (status, body) = await ExecuteAsync(page, operation, "swagger-articles-400");

        Assert.Equal("400", status);
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.True(body.GetProperty("errors").TryGetProperty("minQuality", out _), $"the shown problem does not name minQuality: {body}");
        // The shown response headers sit in the same row as the body.
        await Assertions.Expect(ServerResponse(operation)).ToContainTextAsync("content-type: application/problem+json");
        Assert.Empty(_refused);
    }

    async Task<ILocator> TryOutListArticlesAsync(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                _refused.Add(message.Text);
            }
        };
        await page.GotoAsync(new Uri(api.BaseAddress, "/swagger").ToString());
        var operation = page.Locator(".opblock.opblock-get")
            .Filter(new() { Has = page.Locator(".opblock-summary-path[data-path='/api/articles']") });
        await operation.Locator(".opblock-summary").ClickAsync();
        await operation.GetByRole(AriaRole.Button, new() { Name = "Try it out" }).ClickAsync();
        return operation;
    }

    // topic is an array parameter: Swagger UI shows no input until an item is added.
    static async Task AddTopicAsync(ILocator operation, string topic)
    {
        var row = operation.Locator("tr[data-param-name='topic']");
        await row.GetByRole(AriaRole.Button, new() { Name = "Add string item" }).ClickAsync();
        await CommitAsync(row.Locator("input"), topic);
    }

    // Swagger UI's text inputs pass a value on 300 ms after the last keystroke, or at once on blur:
    // leave the field, or an Execute pressed sooner (a busy machine) sends the old value.
    static async Task CommitAsync(ILocator input, string value)
    {
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    /// <summary>Presses Execute, waits for the API's answer, saves a screenshot, and returns the status and body Swagger UI shows.</summary>
    async Task<(string Status, JsonElement Body)> ExecuteAsync(IPage page, ILocator operation, string screenshot)
    {
        var apiPrefix = new Uri(api.BaseAddress, "/api/articles?").ToString();
        await page.RunAndWaitForResponseAsync(
            () => operation.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync(),
            response => response.Url.StartsWith(apiPrefix, StringComparison.Ordinal));
        var response = ServerResponse(operation);
        var shownBody = response.Locator(".highlight-code code").First;
        await shownBody.WaitForAsync();
        await Screenshots.SaveAsync(operation, screenshot, output);

        var status = (await response.Locator(".response-col_status").TextContentAsync())?.Trim() ?? "";
        return (status, JsonSerializer.Deserialize<JsonElement>((await shownBody.TextContentAsync())!));
    }

    static ILocator ServerResponse(ILocator operation) => operation.Locator(".live-responses-table tr.response");
}
