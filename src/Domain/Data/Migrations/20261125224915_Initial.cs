using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsApi.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Articles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", nullable: true),
                    CategoryKey = table.Column<string>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    TitleKey = table.Column<string>(type: "TEXT", nullable: false),
                    Excerpt = table.Column<string>(type: "TEXT", nullable: true),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OriginalUrl = table.Column<string>(type: "TEXT", nullable: true),
                    WebUrl = table.Column<string>(type: "TEXT", nullable: true),
                    AmpWebUrl = table.Column<string>(type: "TEXT", nullable: true),
                    CdnAmpWebUrl = table.Column<string>(type: "TEXT", nullable: true),
                    Type = table.Column<string>(type: "TEXT", nullable: true),
                    TypeKey = table.Column<string>(type: "TEXT", nullable: true),
                    Quality = table.Column<int>(type: "INTEGER", nullable: true),
                    Heat = table.Column<int>(type: "INTEGER", nullable: true),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    FeaturedContent = table.Column<string>(type: "TEXT", nullable: true),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: true),
                    ProviderName = table.Column<string>(type: "TEXT", nullable: true),
                    ProviderDomain = table.Column<string>(type: "TEXT", nullable: true),
                    ProviderImages = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderExtraJson = table.Column<string>(type: "TEXT", nullable: true),
                    Images = table.Column<string>(type: "TEXT", nullable: false),
                    ExtraJson = table.Column<string>(type: "TEXT", nullable: true),
                    Secured = table.Column<string>(type: "TEXT", nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", nullable: false),
                    RelatedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    DateAscKey = table.Column<long>(type: "INTEGER", nullable: false),
                    DateDescKey = table.Column<long>(type: "INTEGER", nullable: false),
                    QualityAscKey = table.Column<long>(type: "INTEGER", nullable: false),
                    QualityDescKey = table.Column<long>(type: "INTEGER", nullable: false),
                    HeatAscKey = table.Column<long>(type: "INTEGER", nullable: false),
                    HeatDescKey = table.Column<long>(type: "INTEGER", nullable: false),
                    SourceLength = table.Column<long>(type: "INTEGER", nullable: false),
                    SourceModifiedTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    SourcePath = table.Column<string>(type: "TEXT", nullable: false),
                    SourceSha256 = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Articles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CatalogVotes",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false),
                    Votes = table.Column<int>(type: "INTEGER", nullable: false),
                    Newest = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogVotes", x => new { x.Kind, x.Key, x.Value });
                });

            migrationBuilder.CreateTable(
                name: "ContentVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Providers",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: true),
                    NameKey = table.Column<string>(type: "TEXT", nullable: true),
                    Images = table.Column<string>(type: "TEXT", nullable: false),
                    ArticleCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Providers", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "Topics",
                columns: table => new
                {
                    Slug = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", nullable: false),
                    ArticleCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Topics", x => x.Slug);
                });

            migrationBuilder.CreateTable(
                name: "ArticleTopics",
                columns: table => new
                {
                    ArticleId = table.Column<string>(type: "TEXT", nullable: false),
                    TopicSlug = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleTopics", x => new { x.ArticleId, x.TopicSlug });
                    table.ForeignKey(
                        name: "FK_ArticleTopics_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RelatedLinks",
                columns: table => new
                {
                    ArticleId = table.Column<string>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: true),
                    Excerpt = table.Column<string>(type: "TEXT", nullable: true),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WebUrl = table.Column<string>(type: "TEXT", nullable: true),
                    Type = table.Column<string>(type: "TEXT", nullable: true),
                    Quality = table.Column<int>(type: "INTEGER", nullable: true),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: true),
                    ProviderName = table.Column<string>(type: "TEXT", nullable: true),
                    ProviderDomain = table.Column<string>(type: "TEXT", nullable: true),
                    ProviderExtraJson = table.Column<string>(type: "TEXT", nullable: true),
                    Images = table.Column<string>(type: "TEXT", nullable: false),
                    ExtraJson = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RelatedLinks", x => new { x.ArticleId, x.Position });
                    table.ForeignKey(
                        name: "FK_RelatedLinks_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "ContentVersions",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleTopics_TopicSlug_ArticleId",
                table: "ArticleTopics",
                columns: new[] { "TopicSlug", "ArticleId" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_CategoryKey_DateDescKey_Id",
                table: "Articles",
                columns: new[] { "CategoryKey", "DateDescKey", "Id" },
                filter: "\"Published\"");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_DateAscKey_Id",
                table: "Articles",
                columns: new[] { "DateAscKey", "Id" },
                filter: "\"Published\"");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_DateDescKey_Id",
                table: "Articles",
                columns: new[] { "DateDescKey", "Id" },
                filter: "\"Published\"");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_HeatAscKey_Id",
                table: "Articles",
                columns: new[] { "HeatAscKey", "Id" },
                filter: "\"Published\"");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_HeatDescKey_Id",
                table: "Articles",
                columns: new[] { "HeatDescKey", "Id" },
                filter: "\"Published\"");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_ProviderKey_DateDescKey_Id",
                table: "Articles",
                columns: new[] { "ProviderKey", "DateDescKey", "Id" },
                filter: "\"Published\"");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_QualityAscKey_Id",
                table: "Articles",
                columns: new[] { "QualityAscKey", "Id" },
                filter: "\"Published\"");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_QualityDescKey_Id",
                table: "Articles",
                columns: new[] { "QualityDescKey", "Id" },
                filter: "\"Published\"");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_TitleKey_Desc_Id",
                table: "Articles",
                columns: new[] { "TitleKey", "Id" },
                descending: new[] { true, false },
                filter: "\"Published\"");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_TitleKey_Id",
                table: "Articles",
                columns: new[] { "TitleKey", "Id" },
                filter: "\"Published\"");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_TypeKey_DateDescKey_Id",
                table: "Articles",
                columns: new[] { "TypeKey", "DateDescKey", "Id" },
                filter: "\"Published\"");

            migrationBuilder.CreateIndex(
                name: "IX_Providers_ArticleCount_Key",
                table: "Providers",
                columns: new[] { "ArticleCount", "Key" });

            migrationBuilder.CreateIndex(
                name: "IX_Providers_NameKey_Key",
                table: "Providers",
                columns: new[] { "NameKey", "Key" });

            migrationBuilder.CreateIndex(
                name: "IX_RelatedLinks_ProviderKey",
                table: "RelatedLinks",
                column: "ProviderKey");

            migrationBuilder.CreateIndex(
                name: "IX_Topics_ArticleCount_Slug",
                table: "Topics",
                columns: new[] { "ArticleCount", "Slug" });

            migrationBuilder.CreateIndex(
                name: "IX_Topics_NameKey_Slug",
                table: "Topics",
                columns: new[] { "NameKey", "Slug" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArticleTopics");

            migrationBuilder.DropTable(
                name: "CatalogVotes");

            migrationBuilder.DropTable(
                name: "ContentVersions");

            migrationBuilder.DropTable(
                name: "Providers");

            migrationBuilder.DropTable(
                name: "RelatedLinks");

            migrationBuilder.DropTable(
                name: "Topics");

            migrationBuilder.DropTable(
                name: "Articles");
        }
    }
}
