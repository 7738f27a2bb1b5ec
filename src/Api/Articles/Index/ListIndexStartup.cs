namespace NewsApi.Api.Articles.Index;

/// <summary>Reads the first list index in the background once the host has started; until then lists are answered by SQL.</summary>
sealed class ListIndexStartup(ArticleListIndexes indexes) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => indexes.RefreshAsync();
}
