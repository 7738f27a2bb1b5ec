using Microsoft.EntityFrameworkCore;
using NewsApi.Domain.Articles;

namespace NewsApi.Domain.Data;

public sealed class NewsDbContext(DbContextOptions<NewsDbContext> options) : DbContext(options)
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleTopic> ArticleTopics => Set<ArticleTopic>();
    public DbSet<RelatedLink> RelatedLinks => Set<RelatedLink>();
    public DbSet<Provider> Providers => Set<Provider>();
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<CatalogVote> CatalogVotes => Set<CatalogVote>();
    public DbSet<ContentVersion> ContentVersions => Set<ContentVersion>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NewsDbContext).Assembly);
        modelBuilder.Entity<Sqlite.SearchHit>().HasNoKey().ToView(null);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite keeps no kind: every DateTime we store is UTC, so mark it UTC when read back.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<List<ImageInfo>>().HaveConversion<ImageListConverter, ImageListComparer>();
    }
}
