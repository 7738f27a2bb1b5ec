using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;

namespace NewsApi.Api.Tests;

/// <summary>The fixture content with the benchmarks' yardsticks on (<c>NewsApi:BenchmarkReference</c>).</summary>
public sealed class YardstickApiFactory : NewsApiFactory
{
    protected override Task<string> PrepareContentRootAsync(string workFolder) => Task.FromResult(FixtureContent.WriteTo(Path.Combine(workFolder, "content")));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("NewsApi:BenchmarkReference", "true");
        builder.UseSetting("NewsApi:BenchListFile", ListFilePath);
    }

    /// <summary>Where /bench/file reads its items; opened at the first request, so a test writes it first.</summary>
    public string ListFilePath => DatabasePath + ".list-items";
}

/// <summary>
/// bench/ceiling.sh's endpoints: they validate paging as the lists do, answer 404 (not 500) on a
/// database without their table, serve the table's (or the file's) items as they are stored, and
/// do not exist unless the benchmark settings are on.
/// </summary>
public sealed class BenchmarkYardstickTests(YardstickApiFactory yardsticks, FixtureApiFactory plain)
    : IClassFixture<YardstickApiFactory>, IClassFixture<FixtureApiFactory>
{
    [Theory]
    [InlineData("/api/bench/pipeline?page=0")]
    [InlineData("/api/bench/pipeline?pageSize=101")]
    [InlineData("/api/bench/clustered?page=abc")]
    [InlineData("/api/bench/clustered?page=99999999999999999999")]
    public async Task BadPagingIsA400(string url)
    {
        using var client = yardsticks.CreateClient();
        await client.GetProblemAsync(url, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ThePipelineYardstickAnswersTheReferenceBytes()
    {
        using var client = yardsticks.CreateClient();
        var reference = await client.GetByteArrayAsync("/bench/reference");
        var response = await client.GetAsync("/api/bench/pipeline?page=3&pageSize=5");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal(reference, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task TheClusteredYardstickServesItsTableAsAListPage()
    {
        using var client = yardsticks.CreateClient();
        var problem = await client.GetProblemAsync("/api/bench/clustered", HttpStatusCode.NotFound);
        Assert.Contains("bench/ceiling.sh", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The table as ceiling.sh makes it, here filled with the API's own items in its own order.
        var list = await client.GetJsonAsync("/api/articles?pageSize=100");
        var items = list.GetProperty("items").EnumerateArray().Select(i => i.GetRawText()).ToList();
        Assert.True(items.Count >= 7, $"the fixture has {items.Count} published articles");
        AddTable(yardsticks.DatabasePath, items);

        var page = await client.GetJsonAsync("/api/bench/clustered?page=2&pageSize=3");
        Assert.Equal(items[3..6], page.GetProperty("items").EnumerateArray().Select(i => i.GetRawText()));
        Assert.Equal(items.Count, page.GetProperty("totalCount").GetInt32());
        Assert.Equal((items.Count + 2) / 3, page.GetProperty("totalPages").GetInt32());
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        var past = await client.GetJsonAsync("/api/bench/clustered?page=1000&pageSize=100");
        Assert.Equal(JsonValueKind.Array, past.GetProperty("items").ValueKind);
        Assert.Equal(0, past.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task TheFileYardstickServesItsLinesAsAListPage()
    {
        using var client = yardsticks.CreateClient();
        var list = await client.GetJsonAsync("/api/articles?pageSize=100");
        var items = list.GetProperty("items").EnumerateArray().Select(i => i.GetRawText()).ToList();
        await File.WriteAllLinesAsync(yardsticks.ListFilePath, items);

        var page = await client.GetJsonAsync("/bench/file?page=2&pageSize=3");
        Assert.Equal(items[3..6], page.GetProperty("items").EnumerateArray().Select(i => i.GetRawText()));
        Assert.Equal(items.Count, page.GetProperty("totalCount").GetInt32());
        var last = await client.GetJsonAsync($"/bench/file?page=1&pageSize={items.Count}");
        Assert.Equal(items, last.GetProperty("items").EnumerateArray().Select(i => i.GetRawText()));
        var past = await client.GetJsonAsync("/bench/file?page=1000&pageSize=100");
        Assert.Equal(0, past.GetProperty("items").GetArrayLength());
        await client.GetProblemAsync("/bench/file?pageSize=0", HttpStatusCode.BadRequest);

        // Versioned, it sends the content version that the API's own ETag carries.
        var versioned = await client.GetAsync("/bench/file?versioned=true&page=2&pageSize=3");
        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        var apiTag = (await client.GetAsync("/api/articles")).Headers.ETag!.Tag;
        Assert.StartsWith(versioned.Headers.ETag!.Tag.TrimEnd('"') + "-", apiTag, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/bench/file?versioned=maybe")).StatusCode);
    }

    [Theory]
    [InlineData("/bench/file")]
    [InlineData("/bench/reference")]
    [InlineData("/api/bench/pipeline")]
    [InlineData("/api/bench/clustered")]
    public async Task WithoutTheSettingTheYardsticksDoNotExist(string url)
    {
        using var client = plain.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }

    static void AddTable(string databasePath, List<string> items)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE BenchListItems (k INTEGER PRIMARY KEY, j BLOB NOT NULL)";
        create.ExecuteNonQuery();
        foreach (var item in items)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO BenchListItems (j) VALUES ($j)";
            insert.Parameters.AddWithValue("$j", System.Text.Encoding.UTF8.GetBytes(item));
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
