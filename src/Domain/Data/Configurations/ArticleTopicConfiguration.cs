using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Domain.Articles;

namespace NewsApi.Domain.Data.Configurations;

sealed class ArticleTopicConfiguration : IEntityTypeConfiguration<ArticleTopic>
{
    public void Configure(EntityTypeBuilder<ArticleTopic> b)
    {
        b.HasKey(t => new { t.ArticleId, t.TopicSlug });
        b.HasIndex(t => new { t.TopicSlug, t.ArticleId });
    }
}
