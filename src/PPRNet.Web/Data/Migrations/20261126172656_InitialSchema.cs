using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PPRNet.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MonthIssues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    IntroMarkdown = table.Column<string>(type: "TEXT", nullable: false),
                    IntroHtml = table.Column<string>(type: "TEXT", nullable: false),
                    SourcePath = table.Column<string>(type: "TEXT", nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthIssues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResearchTypes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResearchTypes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Topics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Topics", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Summaries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CitationMarkdown = table.Column<string>(type: "TEXT", nullable: false),
                    CitationHtml = table.Column<string>(type: "TEXT", nullable: false),
                    CitationText = table.Column<string>(type: "TEXT", nullable: false),
                    Doi = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AuthorEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    BodyMarkdown = table.Column<string>(type: "TEXT", nullable: false),
                    BodyHtml = table.Column<string>(type: "TEXT", nullable: false),
                    ImplicationsMarkdown = table.Column<string>(type: "TEXT", nullable: false),
                    ImplicationsHtml = table.Column<string>(type: "TEXT", nullable: false),
                    Excerpt = table.Column<string>(type: "TEXT", nullable: false),
                    WordCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Studies = table.Column<int>(type: "INTEGER", nullable: true),
                    Participants = table.Column<int>(type: "INTEGER", nullable: true),
                    Effect = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ResearchTypeId = table.Column<int>(type: "INTEGER", nullable: false),
                    SourcePath = table.Column<string>(type: "TEXT", nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Summaries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Summaries_ResearchTypes_ResearchTypeId",
                        column: x => x.ResearchTypeId,
                        principalTable: "ResearchTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SummaryTopics",
                columns: table => new
                {
                    SummariesId = table.Column<int>(type: "INTEGER", nullable: false),
                    TopicsId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SummaryTopics", x => new { x.SummariesId, x.TopicsId });
                    table.ForeignKey(
                        name: "FK_SummaryTopics_Summaries_SummariesId",
                        column: x => x.SummariesId,
                        principalTable: "Summaries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SummaryTopics_Topics_TopicsId",
                        column: x => x.TopicsId,
                        principalTable: "Topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MonthIssues_Month",
                table: "MonthIssues",
                column: "Month",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResearchTypes_Slug",
                table: "ResearchTypes",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Summaries_Month_Slug",
                table: "Summaries",
                columns: new[] { "Month", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Summaries_ResearchTypeId",
                table: "Summaries",
                column: "ResearchTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_Summaries_Status_PublishedOn",
                table: "Summaries",
                columns: new[] { "Status", "PublishedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SummaryTopics_TopicsId",
                table: "SummaryTopics",
                column: "TopicsId");

            migrationBuilder.CreateIndex(
                name: "IX_Topics_Slug",
                table: "Topics",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MonthIssues");

            migrationBuilder.DropTable(
                name: "SummaryTopics");

            migrationBuilder.DropTable(
                name: "Summaries");

            migrationBuilder.DropTable(
                name: "Topics");

            migrationBuilder.DropTable(
                name: "ResearchTypes");
        }
    }
}
