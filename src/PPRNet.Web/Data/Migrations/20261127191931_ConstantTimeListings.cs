using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PPRNet.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConstantTimeListings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Summaries_Month_Status_PublishedOn_DeletedAt_ResearchTypeId_Title",
                table: "Summaries");

            migrationBuilder.AddColumn<long>(
                name: "SourceLength",
                table: "Summaries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SourceWrittenTicks",
                table: "Summaries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FacetCounts",
                columns: table => new
                {
                    TopicId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResearchTypeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FacetCounts", x => new { x.TopicId, x.ResearchTypeId });
                });

            migrationBuilder.CreateTable(
                name: "MonthCounts",
                columns: table => new
                {
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthCounts", x => x.Month);
                });

            migrationBuilder.CreateTable(
                name: "TopicListings",
                columns: table => new
                {
                    TopicId = table.Column<int>(type: "INTEGER", nullable: false),
                    SummaryId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResearchTypeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TopicListings", x => new { x.TopicId, x.SummaryId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Summaries_Archive",
                table: "Summaries",
                columns: new[] { "Status", "DeletedAt", "Month", "PublishedOn", "Title" },
                descending: new[] { false, false, true, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_Summaries_ArchiveByType",
                table: "Summaries",
                columns: new[] { "Status", "DeletedAt", "ResearchTypeId", "Month", "PublishedOn", "Title" },
                descending: new[] { false, false, false, true, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_Summaries_Published",
                table: "Summaries",
                columns: new[] { "Status", "DeletedAt", "PublishedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Summaries_PublishedByType",
                table: "Summaries",
                columns: new[] { "Status", "DeletedAt", "ResearchTypeId", "PublishedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Summaries_RenderedWith",
                table: "Summaries",
                column: "RenderedWith");

            migrationBuilder.CreateIndex(
                name: "IX_Summaries_SourcePath",
                table: "Summaries",
                column: "SourcePath");

            migrationBuilder.CreateIndex(
                name: "IX_TopicListings_Archive",
                table: "TopicListings",
                columns: new[] { "TopicId", "Month", "PublishedOn", "Title", "SummaryId" },
                descending: new[] { false, true, true, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_TopicListings_ArchiveByType",
                table: "TopicListings",
                columns: new[] { "TopicId", "ResearchTypeId", "Month", "PublishedOn", "Title", "SummaryId" },
                descending: new[] { false, false, true, true, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_TopicListings_Published",
                table: "TopicListings",
                columns: new[] { "TopicId", "PublishedOn", "SummaryId" });

            migrationBuilder.CreateIndex(
                name: "IX_TopicListings_SummaryId",
                table: "TopicListings",
                column: "SummaryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FacetCounts");

            migrationBuilder.DropTable(
                name: "MonthCounts");

            migrationBuilder.DropTable(
                name: "TopicListings");

            migrationBuilder.DropIndex(
                name: "IX_Summaries_Archive",
                table: "Summaries");

            migrationBuilder.DropIndex(
                name: "IX_Summaries_ArchiveByType",
                table: "Summaries");

            migrationBuilder.DropIndex(
                name: "IX_Summaries_Published",
                table: "Summaries");

            migrationBuilder.DropIndex(
                name: "IX_Summaries_PublishedByType",
                table: "Summaries");

            migrationBuilder.DropIndex(
                name: "IX_Summaries_RenderedWith",
                table: "Summaries");

            migrationBuilder.DropIndex(
                name: "IX_Summaries_SourcePath",
                table: "Summaries");

            migrationBuilder.DropColumn(
                name: "SourceLength",
                table: "Summaries");

            migrationBuilder.DropColumn(
                name: "SourceWrittenTicks",
                table: "Summaries");

            migrationBuilder.CreateIndex(
                name: "IX_Summaries_Month_Status_PublishedOn_DeletedAt_ResearchTypeId_Title",
                table: "Summaries",
                columns: new[] { "Month", "Status", "PublishedOn", "DeletedAt", "ResearchTypeId", "Title" });
        }
    }
}
