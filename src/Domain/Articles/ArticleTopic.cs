namespace NewsApi.Domain.Articles;

/// <summary>An article's topic, in file order, with the name as the file writes it.</summary>
public sealed class ArticleTopic
{
    public required string ArticleId { get; set; }
    public required string TopicSlug { get; set; }
    public required string Name { get; set; }
    public int Position { get; set; }
}
