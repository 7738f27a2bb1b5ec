using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Domain.Articles;

namespace NewsApi.Domain.Data.Configurations;

sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> b)
    {
        b.HasKey(t => t.Slug);
        b.HasIndex(t => new { t.ArticleCount, t.Slug });
        b.HasIndex(t => new { t.NameKey, t.Slug });
    }
}
