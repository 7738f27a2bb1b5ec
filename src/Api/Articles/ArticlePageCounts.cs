using System.Diagnostics.Metrics;

namespace NewsApi.Api.Articles;

/// <summary>
/// The metric <c>newsapi.article_pages</c>: pages of article summaries answered, by where their
/// items came from (<c>newsapi.items.source</c>: <c>list_file</c> or <c>database</c>). Pages from
/// the database while no ingest runs mean the list file is missing or stale.
/// </summary>
public sealed class ArticlePageCounts
{
    public const string MeterName = "NewsApi.Api";
    public const string InstrumentName = "newsapi.article_pages";

    static readonly KeyValuePair<string, object?> ListFile = new("newsapi.items.source", "list_file");
    static readonly KeyValuePair<string, object?> Database = new("newsapi.items.source", "database");

    readonly Counter<long> _pages;

    public ArticlePageCounts(IMeterFactory meters) =>
        _pages = meters.Create(MeterName).CreateCounter<long>(InstrumentName, "{page}", "Pages of article summaries answered, by where their items came from.");

    public void FromListFile() => _pages.Add(1, ListFile);

    public void FromDatabase() => _pages.Add(1, Database);
}
