using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PPRNet.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class EvidenceFirst : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BottomLineHtml",
                table: "Summaries",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "BottomLineMarkdown",
                table: "Summaries",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "BottomLineText",
                table: "Summaries",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Contributor",
                table: "Summaries",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "EffectCiHigh",
                table: "Summaries",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "EffectCiLow",
                table: "Summaries",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EffectOutcome",
                table: "Summaries",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EffectStatistic",
                table: "Summaries",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "EffectValue",
                table: "Summaries",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LimitationsHtml",
                table: "Summaries",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LimitationsMarkdown",
                table: "Summaries",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "RevisedOn",
                table: "Summaries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Samples",
                table: "Summaries",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BottomLineHtml",
                table: "Summaries");

            migrationBuilder.DropColumn(
                name: "BottomLineMarkdown",
                table: "Summaries");

            migrationBuilder.DropColumn(
                name: "BottomLineText",
                table: "Summaries");

            migrationBuilder.DropColumn(
                name: "Contributor",
                table: "Summaries");

            migrationBuilder.DropColumn(
                name: "EffectCiHigh",
                table: "Summaries");

            migrationBuilder.DropColumn(
                name: "EffectCiLow",
                table: "Summaries");

            migrationBuilder.DropColumn(
                name: "EffectOutcome",
                table: "Summaries");

            migrationBuilder.DropColumn(
                name: "EffectStatistic",
                table: "Summaries");

            migrationBuilder.DropColumn(
                name: "EffectValue",
                table: "Summaries");

            migrationBuilder.DropColumn(
                name: "LimitationsHtml",
                table: "Summaries");

            migrationBuilder.DropColumn(
                name: "LimitationsMarkdown",
                table: "Summaries");

            migrationBuilder.DropColumn(
                name: "RevisedOn",
                table: "Summaries");

            migrationBuilder.DropColumn(
                name: "Samples",
                table: "Summaries");
        }
    }
}
