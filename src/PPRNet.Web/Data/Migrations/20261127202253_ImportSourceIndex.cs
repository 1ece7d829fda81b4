using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PPRNet.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportSourceIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Summaries_SourcePath",
                table: "Summaries");

            migrationBuilder.CreateIndex(
                name: "IX_Summaries_Source",
                table: "Summaries",
                columns: new[] { "SourcePath", "Month", "Slug", "ContentHash", "EditedOnWeb", "SourceLength", "SourceWrittenTicks" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Summaries_Source",
                table: "Summaries");

            migrationBuilder.CreateIndex(
                name: "IX_Summaries_SourcePath",
                table: "Summaries",
                column: "SourcePath");
        }
    }
}
