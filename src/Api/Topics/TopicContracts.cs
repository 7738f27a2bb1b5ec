namespace NewsApi.Api.Topics;

/// <summary>A topic: its name is the one most of its published articles give.</summary>
public sealed record TopicResponse(string Slug, string Name, int ArticleCount);
