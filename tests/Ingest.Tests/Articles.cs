namespace NewsApi.Ingest.Tests;

/// <summary>Small front-matter documents for tests, written out in full so each test shows its input.</summary>
static class Articles
{
    public static string Markdown(string title, string extra = "", string topics = "  - AI", string provider = "Example", string domain = "example.com") => $"""
        ---
        title: "{title}"
        publishedDateTime: 2024-01-02T03:04:05Z
        quality: 50
        heat: 10
        provider:
          name: {provider}
          domain: {domain}
        topics:
        {topics}
        {extra}
        ---
        body
        """;
}
