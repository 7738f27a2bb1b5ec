using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsApi.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class ArticleSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search is SQLite's FTS5: the statements live in the SQLite seam.
            migrationBuilder.Sql(Sqlite.SqliteArticleSearch.CreateSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Sqlite.SqliteArticleSearch.DropSql);
        }
    }
}
